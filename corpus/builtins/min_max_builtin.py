# min()/max(): iterables vs several args, key, default, ties, errors.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min({"b": 1, "a": 2}), max(range(10)))
print(min("bb", "a", "ccc", key=len), max(["bb", "a", "ccc"], key=len), max([], default="empty"), min([], default=None))
print(max([(1, "b"), (1, "a")]), min([1, 1.0]), max([1.0, 1]), max(-0.0, 0.0), min(0.0, -0.0))
print(max(["a", "bb", "cc"], key=len), min(["aa", "b", "c"], key=len))
print(max(3, 7, key=lambda v: -v), min(x * x for x in range(-3, 4)))
for call in (lambda: min([]), lambda: max(), lambda: max(1), lambda: min(1, 2, default=0), lambda: max([1, "a"])):
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(max([float("nan"), 1, 2]), max([1, float("nan"), 2]))
