# slice objects: indices() in many cases, attributes, and comparisons.
cases = [slice(None), slice(3), slice(-3, None), slice(None, None, -1), slice(2, -2, 2), slice(10, 0, -3), slice(-100, 100), slice(5, 1)]
for s in cases:
    print(s, [s.indices(n) for n in (0, 1, 7)])
print(slice(1, 2, 3).start, slice(1, 2, 3).stop, slice(1, 2, 3).step, slice(1).start, slice(None).stop)
print(slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3), slice(0, 5) > slice(0, 4), slice(1, 2).__reduce__())
print(sorted(n for n in dir(slice) if not n.startswith("_")))
