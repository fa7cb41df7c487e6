# abs(): ints, floats, complex, bools, big ints, user types.
print(abs(-5), abs(5), abs(0), abs(-0.0), abs(-2.5), abs(float("-inf")), abs(3 - 4j), abs(-True), abs(False))
print(abs(-(10 ** 30)), abs(-2 ** 63), type(abs(True)).__name__, abs(complex(-0.0, 0.0)))
print(abs(float("nan")))
class A:
    def __abs__(self):
        return "custom abs"
print(abs(A()))
for bad in ("x", [1], None):
    try:
        abs(bad)
    except TypeError as e:
        print("TypeError:", e)
