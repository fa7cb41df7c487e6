# Inspecting cells: cell_contents, empty cells, shared cells.
def f():
    x = 10
    y = [1]
    def g():
        return x, y
    return g
g = f()
print([c.cell_contents for c in g.__closure__], g.__code__.co_freevars)
def unbound():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print("NameError:", e)
    cell = inner.__closure__[0]
    try:
        cell.cell_contents
    except ValueError as e:
        print("ValueError:", e)
    z = 5
    print(inner(), cell.cell_contents)
unbound()
def writer_reader():
    v = 0
    def w(n):
        nonlocal v
        v = n
    def r():
        return v
    return w, r
w, r = writer_reader()
w(42)
print(r(), w.__closure__[0] is r.__closure__[0])
g.__closure__[0].cell_contents = 99
print(g())
