# Function objects: __name__, __qualname__, __doc__, __module__, custom attributes, __code__.
def outer(x, y=1, *a, k, **kw):
    """Outer doc."""
    def inner():
        return x
    return inner
print(outer.__name__, outer.__qualname__, outer.__doc__, outer.__module__)
inner = outer(1, k=2)
print(inner.__name__, inner.__qualname__, inner.__doc__)
outer.custom = "attr"
print(outer.custom, sorted(outer.__dict__))
c = outer.__code__
print(c.co_name, c.co_argcount, c.co_kwonlyargcount, c.co_varnames, c.co_freevars, c.co_cellvars)
print(inner.__code__.co_freevars, len(inner.__closure__), inner.__closure__[0].cell_contents)
print(outer.__defaults__, outer.__kwdefaults__, inner.__defaults__)
outer.__name__ = "renamed"
print(outer.__name__, outer.__qualname__)
print(type(outer).__name__, callable(outer), outer.__globals__ is globals())
lam = lambda: 0
print(lam.__name__, lam.__qualname__)
