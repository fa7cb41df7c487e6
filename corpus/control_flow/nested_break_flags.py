# Breaking out of nested loops with flags, functions and for/else.
grid = [[1, 2, 3], [4, 42, 6], [7, 8, 42]]
found = None
for r, row in enumerate(grid):
    for c, v in enumerate(row):
        if v == 42:
            found = (r, c)
            break
    if found:
        break
print("flag", found)
def find(g, target):
    for r, row in enumerate(g):
        for c, v in enumerate(row):
            if v == target:
                return r, c
    return None
print("function", find(grid, 42), find(grid, 99))
for r, row in enumerate(grid):
    for c, v in enumerate(row):
        if v == 6:
            break
    else:
        continue
    print("for-else", r, c)
    break
count = 0
for a in range(5):
    for b in range(5):
        if b > a:
            break
        if (a + b) % 2:
            continue
        count += 1
print("count", count)
