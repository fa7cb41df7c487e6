# format(): default spec, type-specific specs, __format__ dispatch and errors.
print(format(42), format(42, "5"), format(42, "<5") + "|", format(3.14159, ".2f"), format("abc", "^9"), format(True, "d"))
print(format(1234567, ","), format(0.5, "%"), format(255, "08b"), format(-1.5, "+.3e"), format(1 + 2j, ".1f"))
print(format(None), format([1, 2]), format(object.__name__))
for args in ((1, "s"), ("s", "d"), (1.5, "d"), (None, "5"), ([1], "x")):
    try:
        format(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class F:
    def __format__(self, spec):
        return "F[" + spec + "]"
print(format(F()), format(F(), "abc"), format(F(), "x"))
try:
    format(F(), 5)
except TypeError as e:
    print("TypeError:", e)
