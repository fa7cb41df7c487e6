"""refvm's _functools: the part of CPython's C module (Modules/_functoolsmodule.c) whose
Python fallback in functools.py behaves observably differently: cmp_to_key. The
fallback defines a new class on every call, so each key function leaves a reference
cycle (class, its methods' closure, its dict) that CPython's C `functools.KeyWrapper`
does not create and that a later gc.collect() would find. Here one class serves every
call, as the C type does. functools.py keeps its own reduce, partial and lru_cache
(its `from _functools import ...` of those fall back on ImportError)."""


class KeyWrapper:
    """The C `functools.KeyWrapper`: holds the comparison function and, once called
    with an object, that object (`obj`)."""

    __slots__ = ("cmp", "obj")

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'functools.KeyWrapper' instances")

    def __call__(self, obj):
        k = object.__new__(KeyWrapper)
        k.cmp = self.cmp
        k.obj = obj
        return k

    def _compare(self, other):
        if type(other) is not type(self):
            raise TypeError("other argument must be K instance")
        return self.cmp(self.obj, other.obj)

    def __lt__(self, other):
        return self._compare(other) < 0

    def __le__(self, other):
        return self._compare(other) <= 0

    def __eq__(self, other):
        return self._compare(other) == 0

    def __ne__(self, other):
        return self._compare(other) != 0

    def __gt__(self, other):
        return self._compare(other) > 0

    def __ge__(self, other):
        return self._compare(other) >= 0

    __hash__ = None


KeyWrapper.__module__ = "functools"


def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function."""
    k = object.__new__(KeyWrapper)
    k.cmp = mycmp
    k.obj = None
    return k
