# Format specs for integers: fill, align, sign, width, grouping, types.
vals = [0, 7, -7, 255, -255, 123456789, 2 ** 70]
specs = ["", "d", "5", "<6", ">6", "^7", "*^9", "0>6", "+", "-", " ", "06", "+08", "=+8", "x", "X", "#x",
         "#o", "b", "#b", "c", ",", "_", "_x", "010,", "n", "e", ".2f", "%"]
for spec in specs:
    out = []
    for v in vals:
        try:
            out.append(format(v, spec))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(repr(spec), out)
for bad in ("s", ".2", "=", ",b", "z"):
    try:
        format(5, bad)
    except ValueError as e:
        print(repr(bad), "ValueError:", e)
