# List comprehensions with filters, conditionals and function calls.
print([x * x for x in range(10)])
print([x for x in range(30) if x % 3 == 0 if x % 2 == 0])
print([x if x % 2 else -x for x in range(8)])
print([c.upper() for c in "hello" if c != "l"])
print([len(w) for w in "the quick brown fox".split()])
print([(i, c) for i, c in enumerate("abc")])
print([k + "=" + str(v) for k, v in {"a": 1, "b": 2}.items()])
print([[j for j in range(i)] for i in range(4)])
print([x for x in [3, 1, 2] for _ in range(x)])
words = ["apple", "Banana", "cherry", "date"]
print([w for w in words if w[0].isupper() or len(w) == 4])
print([sum(row) for row in [[1, 2], [3, 4], [5]]])
print([f(3) for f in (abs, str, float, lambda v: v ** 2)])
