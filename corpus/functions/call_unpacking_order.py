# Combining positional, *iterable, keyword and **mapping in one call.
def f(a, b, c, d, e, f=6, **rest):
    return [a, b, c, d, e, f, rest]
print(f(1, *[2, 3], 4, *(5,)))
print(f(1, 2, 3, 4, e=5, **{"f": 60, "g": 7}))
print(f(*range(3), d=4, **{"e": 5}, z=0))
def gen():
    print("gen started")
    yield 1
    yield 2
print(f(0, *gen(), 3, 4))
try:
    f(1, 2, 3, 4, 5, 6, f=7)
except TypeError as e:
    print("TypeError:", e)
print(max(*[3, 9, 2]), print(*"abc", sep="|") is None)
