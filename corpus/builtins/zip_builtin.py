# zip(): shortest wins, strict=True, many and zero iterables, laziness.
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip("abc")), list(zip(range(3), range(3), range(3))))
print(dict(zip("abc", range(3))), list(zip(*[(1, "a"), (2, "b")])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], [1], [1, 2, 3], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(zip([1, 2], "ab", strict=True)))
consumed = []
def g(tag, n):
    for i in range(n):
        consumed.append(tag + str(i))
        yield i
print(list(zip(g("a", 3), g("b", 2))), consumed)
z = zip("ab", "cd")
print(next(z), iter(z) is z, list(z), list(z))
try:
    zip(1)
except TypeError as e:
    print("TypeError:", e)
