# Module objects: __name__, __dict__, setting and deleting attributes at run time.
import _counter
import sys
print(_counter.__name__, type(_counter.__dict__).__name__, "bump" in _counter.__dict__)
_counter.added = "set from outside"
print(_counter.added, getattr(_counter, "added"))
del _counter.added
print(hasattr(_counter, "added"))
print(__name__, sys.modules[_counter.__name__] is _counter)
print(isinstance(_counter, type(sys)), type(sys).__name__)
