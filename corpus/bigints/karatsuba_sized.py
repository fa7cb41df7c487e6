# Very large products (Karatsuba range) checked by identities.
a = 3 ** 4000
b = 7 ** 1500 + 1
p = a * b
print(p % 1000000007, p.bit_length(), len(str(p)))
try:
    str(a * a * a)
except ValueError as e:
    print('ValueError:', e)
print(p // a == b, p % a == 0, (p - a) // a == b - 1)
sq = a * a
print(sq == a ** 2, sq % 999983, (a + b) ** 2 == a * a + 2 * a * b + b * b)
f = 1
for i in range(1, 1201):
    f *= i
print(str(f)[:50], str(f)[-260:-249], len(str(f)))
print(hash(a) == hash(a + 0), hash(10 ** 100) % 1000)
