# Aliasing, shallow copies and nested lists.
a = [[1, 2], [3, 4]]
b = a
c = a[:]
d = [row[:] for row in a]
a[0][0] = 99
a.append([5])
print(a, b, c, d)
print(a is b, a is c, a[0] is c[0], a[0] is d[0])
grid = [[0] * 3] * 3
grid[1][1] = 5
print(grid)
grid2 = [[0] * 3 for _ in range(3)]
grid2[1][1] = 5
print(grid2)
def mutate(lst):
    lst.append("mutated")
    lst = ["rebound"]
    return lst
x = [1]
print(mutate(x), x)
self_ref = [1, 2]
self_ref.append(self_ref)
print(self_ref, self_ref[2][2][0])
