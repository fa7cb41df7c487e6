# Function decorators, stacking order and arguments.
def trace(f):
    def wrapper(*args, **kwargs):
        print("call", f.__name__, args, kwargs)
        r = f(*args, **kwargs)
        print("ret", f.__name__, r)
        return r
    return wrapper
@trace
def add(a, b):
    return a + b
add(2, 3)
def bold(f):
    print("decorating with bold", f.__name__)
    return lambda: "<b>" + f() + "</b>"
def italic(f):
    print("decorating with italic", f.__name__)
    return lambda: "<i>" + f() + "</i>"
@bold
@italic
def text():
    return "hi"
print(text())
print(text.__name__, add.__name__)
def repeat(n):
    def deco(f):
        def w(*a):
            return [f(*a) for _ in range(n)]
        return w
    return deco
@repeat(3)
def ping(x):
    return "ping" + str(x)
print(ping(1))
