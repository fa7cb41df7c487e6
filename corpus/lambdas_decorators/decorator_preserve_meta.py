# A hand-written wraps() copying __name__, __doc__, __qualname__, __wrapped__.
def wraps(wrapped):
    def deco(wrapper):
        for attr in ("__module__", "__name__", "__qualname__", "__doc__"):
            setattr(wrapper, attr, getattr(wrapped, attr))
        wrapper.__dict__.update(wrapped.__dict__)
        wrapper.__wrapped__ = wrapped
        return wrapper
    return deco
def logged(f):
    @wraps(f)
    def inner(*a, **k):
        return f(*a, **k)
    return inner
@logged
def documented(x):
    """Doubles x."""
    return 2 * x
documented.extra = 1
print(documented.__name__, documented.__doc__, documented.__qualname__, documented(21))
print(documented.__wrapped__.__name__, documented.__wrapped__ is not documented)
class K:
    @logged
    def meth(self):
        "method doc"
        return "m"
print(K.meth.__qualname__, K().meth(), K.meth.__doc__)
