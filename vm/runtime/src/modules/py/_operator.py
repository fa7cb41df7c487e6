"""Operator interface.

This module exports a set of functions implemented in C corresponding
to the intrinsic operators of Python.  For example, operator.add(x, y)
is equivalent to the expression x+y.  The function names are those
used for special methods; variants without leading and trailing
'__' are also provided for convenience.
"""
# refvm's _operator: CPython implements this module in C (Modules/_operator.c) with the
# same behaviour as the pure-Python operator.py, whose functions this module re-exports;
# _compare_digest follows _operator.c's argument rules and messages.

import operator as _op

for _name in _op.__all__:
    globals()[_name] = getattr(_op, _name)
for _name in dir(_op):
    if _name.startswith('__') and _name.endswith('__') and _name[2:-2].isidentifier() \
            and _name not in ('__name__', '__doc__', '__file__', '__spec__', '__loader__',
                              '__package__', '__builtins__', '__all__', '__cached__'):
        globals()[_name] = getattr(_op, _name)
del _name, _op


def _compare_digest(a, b, /):
    """Return 'a == b'.

This function uses an approach designed to prevent
timing analysis, making it appropriate for cryptography.

a and b must both be of the same type: either str (ASCII only),
or any bytes-like object.

Note: If a and b are of different lengths, or if an error occurs,
a timing attack could theoretically reveal information about the
types and lengths of a and b--but not their values."""
    if isinstance(a, str) and isinstance(b, str):
        if not (a.isascii() and b.isascii()):
            raise TypeError("comparing strings with non-ASCII characters is not supported")
        a = a.encode('ascii')
        b = b.encode('ascii')
    else:
        try:
            a = bytes(memoryview(a))
            b = bytes(memoryview(b))
        except TypeError:
            raise TypeError("unsupported operand types(s) or combination of types: "
                            "'%s' and '%s'" % (type(a).__name__, type(b).__name__)) from None
    result = len(a) ^ len(b)
    if result:
        b = a
    for x, y in zip(a, b):
        result |= x ^ y
    return result == 0
