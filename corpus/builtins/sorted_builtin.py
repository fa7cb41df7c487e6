# sorted(): any iterable, key, reverse, stability, errors.
print(sorted([3, 1, 2]), sorted("hello"), sorted({"b": 1, "a": 2}), sorted((3.5, -1, 2)), sorted(set("cab")))
print(sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len), sorted(["B", "a", "C"], key=str.lower))
recs = [("x", 2), ("y", 1), ("z", 2), ("w", 1)]
print(sorted(recs, key=lambda r: r[1]), sorted(recs, key=lambda r: r[1], reverse=True))
print(sorted([], key=len), sorted(range(5), key=lambda v: -v), sorted(x % 3 for x in range(7)))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1], lambda x: x)
except TypeError as e:
    print("TypeError:", e)
try:
    sorted(5)
except TypeError as e:
    print("TypeError:", e)
a = [2, 1]
b = sorted(a)
print(a, b, a is not b)
print(sorted([[2, "b"], [1, "z"], [2, "a"]]), sorted([(1, 2), (1,), ()]))
