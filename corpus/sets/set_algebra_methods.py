# Named set methods accept any iterable; operators need sets.
a = {1, 2, 3, 4}
print(a.union([5], (6,), "x"), a.intersection(range(3, 10)), a.difference([1], [2]), a.symmetric_difference([4, 5]))
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint("abc"))
b = set(a)
b.update([7, 8], {9})
print(b)
b.intersection_update(range(5, 10))
print(b)
b.difference_update([8])
print(b)
b.symmetric_difference_update({9, 10})
print(b)
try:
    a | [5]
except TypeError as e:
    print("TypeError:", e)
print(a.union(), a.intersection(), a.copy() == a, a.copy() is a)
print({1, 2}.intersection({2, 3}, {2, 4}), set().union(*[{1}, {2}, {3}]))
