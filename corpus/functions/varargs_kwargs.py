# *args and **kwargs collection and forwarding.
def show(*args, **kwargs):
    return "args=%r kwargs=%r" % (args, kwargs)
print(show())
print(show(1, 2, x=3))
print(show(*[1, 2], *(3,), **{"a": 1}, b=2))
def wrapper(*args, **kwargs):
    return show("pre", *args, post=True, **kwargs)
print(wrapper(1, k="v"))
def head_tail(first, *rest):
    return first, rest
print(head_tail(1), head_tail(1, 2, 3), head_tail(*"abc"))
def mixed(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(mixed(1, c=3))
print(mixed(1, 2, 3, 4, c=5, e=6))
print(mixed(*range(5), **{"c": "C", "z": "Z"}))
try:
    show(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
try:
    mixed(1, 2, c=1, **{"c": 2})
except TypeError as e:
    print("TypeError:", e)
print(type(show.__code__.co_varnames).__name__, show.__code__.co_varnames, show.__code__.co_argcount)
