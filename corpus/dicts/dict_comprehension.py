# dict comprehensions, inversion, grouping and nested dicts.
squares = {x: x * x for x in range(6)}
print(squares)
inv = {v: k for k, v in squares.items()}
print(inv)
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
by_letter = {}
for w in words:
    by_letter.setdefault(w[0], []).append(w)
print(by_letter)
lens = {w: len(w) for w in words if len(w) > 5}
print(lens)
matrix = {(i, j): i * j for i in range(3) for j in range(3) if i <= j}
print(matrix)
nested = {k: {c: ord(c) for c in k} for k in ("ab", "cd")}
print(nested)
print({k: v for k, v in zip("abcabc", range(6))})
