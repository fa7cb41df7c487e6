# Results of arithmetic in the small-int range compare identical; large ones equal.
def ident(a, b):
    return a is b
vals = [-6, -5, 0, 100, 256, 257, 1000]
for v in vals:
    x = v + 1 - 1
    y = int(str(v))
    print(v, ident(x, y), x == y)
print(ident(2 ** 8, 256), ident(2 ** 9, 512) and False, int("7") is int("7"))
a = 10 ** 20
b = 10 ** 20
zero = 0
print(a == b, a - b == 0, (a - b) is zero)
n45, n3, n97 = int("45"), int("3"), int("97")
print(sum(range(10)) is n45, len("abc") is n3, ord("a") is n97)
