# set(): from iterables with duplicates and unhashables.
print(set(), set([1, 2, 2, 3]), set("hello"), set({"a": 1}), set(range(5)), set((1, 1.0, True)))
print(sorted(set(x % 4 for x in range(20))), set(b"aab"), set([(1, 2), (1, 2)]))
for bad in ([[1]], [{}], 5):
    try:
        set(bad)
    except TypeError as e:
        print("TypeError:", e)
s = {1}
print(set(s) is not s, set(s) == s, set(frozenset({4})))
