# bool is a subclass of int: arithmetic and bitwise results.
print(True + True, True - False, True * 10, True / 2, True // 1, True % 1, True ** 5)
print(True & True, True | False, True ^ True, ~True, ~False, -True, +True)
print(type(True & False).__name__, type(True + False).__name__, type(True ^ 1).__name__)
print(sum([True, True, False, True]), max(True, 0), True == 1, (True == 1) is True)
print(isinstance(True, int), issubclass(bool, int), int.__add__(True, True))
print(str(True), repr(False), int(True), float(True), format(True), format(True, "d"))
print(f"{True:>6}|{False!r}|{True:5d}")
d = {1: "one", True: "true?", 1.0: "float"}
print(d)
print({True, 1, 1.0}, {0, False, 0.0})
print(bool.__name__, bool.__mro__)
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError:", e)
print(True.real, True.imag, True.numerator, True.denominator, True.bit_length())
print(True.__and__(False), True.__or__(1), (True).__xor__(True))
