# Keyword-only parameters after * or *args.
def kw(a, *, b, c=3):
    return a, b, c
print(kw(1, b=2), kw(a=1, b=2, c=4))
try:
    kw(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    kw(1)
except TypeError as e:
    print("TypeError:", e)
def va(*args, sep="-"):
    return sep.join(map(str, args))
print(va(1, 2, 3), va(1, 2, sep="+"))
def many(*, x, y, z):
    return x + y + z
try:
    many(x=1)
except TypeError as e:
    print("TypeError:", e)
print(many(z=1, y=2, x=3))
print(kw.__code__.co_kwonlyargcount, many.__code__.co_kwonlyargcount, kw.__code__.co_argcount)
