# Positional-only parameters (before /).
def po(a, b, /, c, *, d):
    return a, b, c, d
print(po(1, 2, 3, d=4), po(1, 2, c=3, d=4))
try:
    po(a=1, b=2, c=3, d=4)
except TypeError as e:
    print("TypeError:", e)
def name_reuse(name, /, **kwargs):
    return name, kwargs
print(name_reuse("pos", name="kw"))
def defaults(a, b=2, /, c=3):
    return a, b, c
print(defaults(1), defaults(1, 5), defaults(1, 5, 6), defaults(1, c=9))
try:
    defaults(1, b=5)
except TypeError as e:
    print("TypeError:", e)
print(po.__code__.co_posonlyargcount, po.__code__.co_argcount, po.__code__.co_kwonlyargcount)
try:
    len(obj=[1])
except TypeError as e:
    print("TypeError:", e)
print(divmod(7, 2), pow(2, 5))
