# Error messages from tuple misuse.
t = (1, 2, 3)
tests = [
    lambda: t[3],
    lambda: t["a"],
    lambda: t.index(9),
    lambda: t + [4],
    lambda: t * 1.5,
    lambda: t < ("a",),
    lambda: t.__setitem__(0, 1),
    lambda: tuple(5),
    lambda: hash(([],)),
    lambda: t.append(4),
    lambda: (1, 2).sort(),
]
for fn in tests:
    try:
        fn()
    except Exception as e:
        print(type(e).__name__, e)
