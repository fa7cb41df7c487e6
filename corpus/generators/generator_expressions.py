# Generator expressions: laziness, single pass, first iterable evaluated eagerly.
calls = []
def src():
    calls.append("src")
    return [1, 2, 3]
g = (x * 10 for x in src())
print(calls)
print(list(g), list(g))
try:
    gen = (x for x in 5)
except TypeError as e:
    print("TypeError at creation:", e)
def boom():
    raise ValueError("inner evaluated lazily")
g2 = (boom() for _ in range(1))
print("created without error")
try:
    next(g2)
except ValueError as e:
    print("ValueError:", e)
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
print(sum(x for x in range(100) if x % 7 == 0), type(x for x in []).__name__)
n = 10
g3 = (i * n for i in range(3))
n = 100
print(list(g3))
