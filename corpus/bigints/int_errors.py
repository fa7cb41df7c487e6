# Errors from int construction and big-int operations.
for s in ("12a", "", " ", "1_", "_1", "1__0", "0x", "1.5", "٣", "١٢٣", "+-1", "0b2"):
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
for s, base in (("z", 36), ("Z", 36), ("10", 37), ("12", 1), ("0x1f", 0), ("0o17", 0), ("017", 0), ("00", 0)):
    try:
        print(s, base, int(s, base))
    except ValueError as e:
        print(s, base, "ValueError:", e)
for v in (float("inf"), float("nan"), "1e5", None, [1]):
    try:
        int(v)
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError:", e)
print(int(-7.9), int(7.9), int(1e20), int("  -0  "))
