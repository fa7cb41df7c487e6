# map(): one or many iterables, laziness, shortest iterable, errors.
print(list(map(str, [1, 2, 3])), list(map(len, ["a", "bb", ""])), list(map(lambda x, y: x + y, "ab", "cde")))
print(list(map(pow, [2, 3, 4], [3, 2], [5, 5, 5])), list(map(int, "123")))
m = map(print, ["lazy"])
print("map created, nothing printed yet")
print(list(m))
m2 = map(abs, [-1, -2])
print(next(m2), list(m2), list(m2), type(m2).__name__)
try:
    map(abs)
except TypeError as e:
    print("TypeError:", e)
try:
    list(map(5, [1]))
except TypeError as e:
    print("TypeError:", e)
print(sum(map(lambda s: s.count("a"), ["banana", "apple", "cherry"])))
