# range construction, len, indexing, slicing and equality.
for r in (range(5), range(2, 10), range(10, 0, -3), range(0), range(5, 5), range(-5, 5, 2), range(0, 100, 7)):
    print(r, len(r), list(r), bool(r))
r = range(3, 30, 4)
print(r[0], r[-1], r[2], r[1:4], r[::-1], r[::2], r[10:], r[-2:])
print(range(0, 10, 2) == range(0, 9, 2), range(0) == range(5, 2), range(1) == range(1, 2), range(3) == [0, 1, 2])
print(r.start, r.stop, r.step, r.index(11), r.count(11), 11 in r, 12 in r)
for bad in (lambda: range(0, 5, 0), lambda: range(1.5), lambda: r[100], lambda: r.index(12), lambda: range("a")):
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(hash(range(0)) == hash(range(5, 5)), hash(range(0, 4, 2)) == hash(range(0, 3, 2)))
