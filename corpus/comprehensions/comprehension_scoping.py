# Comprehensions have their own scope; loop variables do not leak.
x = "outer"
squares = [x * 2 for x in range(3)]
print(x, squares)
y = 10
print([y + i for i in range(3)])
def f():
    n = 5
    return [n * i for i in range(3)]
print(f())
class C:
    val = 3
    items = [i for i in range(val)]
    try:
        other = [val * i for i in range(2) if val]
    except NameError as e:
        other = "NameError: " + str(e)
print(C.items, C.other)
print([i for i in range(3)], "i" in dir())
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
print([(lambda i=i: i)() for i in range(3)])
print([[x for x in range(n)] for n in range(3)], x)
