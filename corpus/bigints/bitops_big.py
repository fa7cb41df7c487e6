# Bitwise operations and shifts on ints wider than 64 bits, including negatives.
a = (1 << 130) - 1
b = 0x123456789ABCDEF0123456789ABCDEF
n = -(1 << 100) + 7
print(hex(a & b), hex(a ^ b), hex(a | (1 << 200)))
print(n & 0xFFFF, n | 1, n ^ -1, ~n)
print(hex(n & a), n >> 50, n >> 200, n << 40)
print(b >> 64, b << 64, (b << 1000) >> 1000 == b)
print((-b) & b, ((-b) & b) == 1 << ((b & -b).bit_length() - 1))
for k in (0, 1, 63, 64, 65, 127, 128):
    v = 1 << k
    print(k, v, v - 1, (v - 1).bit_length(), bin(v).count("0") - 1, (-v).bit_length())
print(bin(b)[:20], oct(b)[-10:])
print(int.bit_count(a), b.bit_count(), n.bit_count())
