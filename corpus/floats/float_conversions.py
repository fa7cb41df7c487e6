# Converting between int, float and str, and their errors.
print(float(10 ** 20), float(2 ** 53 + 1), float(-(10 ** 18) - 1), float(True), float("0x10".replace("0x", "")))
print(int(3.99), int(-3.99), int(1e19), int(2.0 ** 80))
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
for s in ("abc", "", "1.2.3", "1e", "--1", "1_", "inf0", "0x1p3"):
    try:
        float(s)
    except ValueError as e:
        print("ValueError:", e)
try:
    float([])
except TypeError as e:
    print("TypeError:", e)
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 7
print(float(F()), float(I()), [1, 2, 3, 4, 5, 6, 7, 8][I()])
print(str(1e5), str(1e-5), str(123.0), str(-0.0), repr(1e16), repr(1.0e15))
print((2.5).__trunc__(), (2.5).__floor__(), (2.5).__ceil__(), (2.5).__round__())
