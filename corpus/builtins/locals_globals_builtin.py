# locals() and globals(): snapshots in functions, live dict at module level.
G = "global value"
def f(a, b=2, *args, **kw):
    x = 10
    loc = locals()
    y = 20
    return sorted(loc), "y" in loc, sorted(locals())
print(f(1))
def g():
    globals()["created_dynamically"] = 42
g()
print(created_dynamically, globals()["G"], "f" in globals(), globals() is globals())
print(locals() is globals())
class K:
    a = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
print(K.names)
def closure():
    free = "free var"
    def inner():
        return sorted(locals()), free
    return inner()
print(closure())
def modify_locals():
    v = 1
    locals()["v"] = 2
    return v
print(modify_locals())
print(type(globals()).__name__, sorted(k for k in globals() if k in ("__name__", "__builtins__")))
print(__name__)
