# range methods and attributes.
r = range(2, 30, 4)
print(r, r.start, r.stop, r.step, len(r), r.count(10), r.count(11), r.index(26), list(r))
print(r[1], r[-1], r[2:5], r[::-1], r[::2], 10 in r, 11 in r, r == range(2, 29, 4), hash(r) == hash(range(2, 29, 4)))
print(range(5).__len__(), range(5).__contains__(4), range(5).__getitem__(-1), list(range(5).__reversed__()), list(range(5).__iter__()))
print(bool(range(0)), bool(range(1)), range(0) == range(2, 2), range(0, 1) == range(0, 1, 5))
try:
    r.index(11)
except ValueError as e:
    print("ValueError:", e)
print(sorted(n for n in dir(range) if not n.startswith("_")))
