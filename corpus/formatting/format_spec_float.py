# Format specs for floats: precision, types f/e/g/%/n, alternate and zero forms.
vals = [0.0, -0.0, 1.0, 2.5, -1234.5678, 1e-7, 123456789.125, 1e21, float("inf"), float("nan")]
specs = ["", "f", ".0f", ".3f", "e", ".2e", "g", ".3g", "#g", "%", ".1%", "10.2f", "<10", "^12.1f",
         "+.2f", " .1f", "010.3f", ",.2f", "_.1f", "#.0f", "E", "G", "z.1f", ".20g"]
for spec in specs:
    out = []
    for v in vals:
        try:
            out.append(format(v, spec))
        except ValueError as e:
            out.append("ValueError")
    print(repr(spec), out)
for bad in ("d", "x", "c", ",,"):
    try:
        format(1.5, bad)
    except ValueError as e:
        print(repr(bad), "ValueError:", e)
