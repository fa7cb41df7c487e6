# Multiple if clauses, conditional expressions in element and in iterables.
nums = range(-5, 16)
print([n for n in nums if n > 0 if n % 2 if n % 3])
print([n if n > 0 else 0 for n in nums][:8])
print([n for n in (nums if True else []) if n in (1, 2, 3)])
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
print([c for c in "Hello, World!" if c.isalpha() and c.lower() not in "aeiou"])
print([w for w in "a bb ccc dddd".split() if 1 < len(w) < 4])
print([(x, y) for x in range(4) if x for y in range(x) if (x + y) % 2])
