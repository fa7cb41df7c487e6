# Passing generator expressions and iterators as single arguments.
print(sum(x * x for x in range(10)))
print(max((len(w), w) for w in "a bb ccc dd".split()))
print(sorted((x % 3, x) for x in range(7)))
print("-".join(str(i) for i in range(5)))
print(list(zip((i for i in "ab"), (j for j in range(5)))))
print(dict((k, k.upper()) for k in "xy"))
print(min(x for x in [5, 3, 8] if x > 3), any(c.isdigit() for c in "ab3"))
print(tuple(i for i in range(3)), set(i % 2 for i in range(9)), frozenset(c for c in "aab"))
