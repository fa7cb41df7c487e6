# Docstrings on modules, functions, classes and methods.
"""Not the module docstring: it is not the first statement."""
def f():
    """Function docstring.

    With more lines.
    """
def g():
    x = 1
    "not a docstring"
    return x
class K:
    """Class docstring."""
    def m(self):
        """Method docstring."""
    @property
    def p(self):
        """Property docstring."""
        return 1
print(repr(f.__doc__))
print(g.__doc__, K.__doc__, K.m.__doc__, K.p.__doc__)
print(__doc__)
print(f.__doc__.splitlines()[0], len(f.__doc__.splitlines()))
lam = lambda: "x"
print(lam.__doc__)
