# User sequences receiving slice objects and tuples of slices.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = [[x + y * w for x in range(w)] for y in range(h)]
    def __getitem__(self, key):
        if isinstance(key, tuple):
            rows, cols = key
            if isinstance(rows, slice):
                return [r[cols] for r in self.cells[rows]]
            return self.cells[rows][cols]
        return self.cells[key]
    def __setitem__(self, key, value):
        r, c = key
        self.cells[r][c] = value
g = Grid(5, 4)
print(g[1], g[2, 3], g[1:3, 1:4], g[::2, ::2], g[::-1, -1], g[-1])
g[0, 0] = "X"
print(g[0], g[0:4, 0])
class Echo:
    def __getitem__(self, k):
        return k
e = Echo()
print(e[1:2], e[:], e[::], e[1:], e[:2:], e[1, ...], e[1:2, 3:4], e[()], e[-1])
