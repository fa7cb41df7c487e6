# Format specs for strings: width, precision truncation, alignment, fill chars.
for s in ("", "a", "hello", "é😀x", "longer string here"):
    print([format(s, spec) for spec in ("", "5", "<5", ">5", "^5", "*^8", ".2", "8.3", "-<6", "é>4", "s")])
for bad in ("d", "=5", "+5", ",", "05", "#"):
    try:
        format("x", bad)
    except ValueError as e:
        print(repr(bad), "ValueError:", e)
print("{:>10}|{:<10}|{:^10}|".format("right", "left", "center"))
print(format(None, ""), format([1, 2], ""), format((1,), ""))
try:
    format(None, ">5")
except TypeError as e:
    print("TypeError:", e)
