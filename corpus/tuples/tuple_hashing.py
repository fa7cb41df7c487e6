# Tuples as dict keys and set members; hashing nested tuples.
grid = {}
for r in range(3):
    for c in range(3):
        grid[r, c] = r * 3 + c
print(grid[1, 2], grid[(2, 0)], (0, 0) in grid, len(grid))
print(hash((1, 2)) == hash((1, 2)), hash(()), hash((1,)), hash((1, (2, 3))), hash(("a", 1.5)))
s = {(1, 2), (2, 1), (1, 2), ((1,), 2)}
print(len(s), sorted(s, key=repr))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
try:
    {(1, {}): 0}
except TypeError as e:
    print("TypeError:", e)
print(hash((1, 2, 3)), hash((-1,)), hash((-2,)), hash((True, 1.0)) == hash((1, 1)))
