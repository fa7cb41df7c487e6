# LEGB name resolution and UnboundLocalError.
x = "global"
def f():
    return x
def g():
    x = "local"
    return x
def h():
    x = 1
    return x
def k():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = "later"
print(f(), g(), h())
k()
def enclosing():
    y = "enclosing"
    def inner():
        return y
    y = "rebound"
    return inner()
print(enclosing())
len = lambda s: "shadowed len"
print(len([1, 2]))
del len
print(len([1, 2]))
def uses_builtin():
    return max([3, 1])
print(uses_builtin())
class C:
    x = "class"
    def m(self):
        return x
    y = [x for _ in range(1)]
print(C().m(), C.y)
