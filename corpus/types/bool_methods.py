# bool methods inherited from int and overridden bitwise ops.
print(True.__and__(False), True.__or__(False), True.__xor__(True), True.__and__(1), type(True.__and__(1)).__name__)
print(True.__add__(True), True.__invert__(), True.__neg__(), True.__int__(), True.__float__(), True.__index__())
print(True.__repr__(), False.__str__(), True.__format__(""), True.__format__("d"), True.__hash__(), False.__hash__())
print(True.bit_length(), True.to_bytes(1, "big"), bool.from_bytes(b"\x01", "big"), type(bool.from_bytes(b"\x00", "big")).__name__)
print(True.real, True.imag, True.numerator, True.denominator, True.conjugate(), True.as_integer_ratio())
print(sorted(set(dir(bool)) - set(dir(int))))
