# Bitwise operators on ints, including negatives and big values.
vals = [0, 1, 5, -1, -6, 255, 2**64, -(2**64) + 3]
for a in vals[:5]:
    for b in vals[3:]:
        print(a, b, a & b, a | b, a ^ b)
for v in vals:
    print(v, ~v, v << 3, v >> 2)
print(1 << 100, (1 << 100) >> 99, -1 >> 1000, -(1 << 70) >> 3)
print(0xF0F0 & 0x0FF0, 0xF0F0 | 0x0F0F, 0xFFFF ^ 0xAAAA)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
try:
    1 << -1
except ValueError as e:
    print("ValueError", e)
try:
    1.0 & 1
except TypeError as e:
    print("TypeError", e)
print(bin(0b1100 & -0b1100), bin(~0b1100))
