# Star-import without __all__ binds public names only; names starting with _ are skipped.
from _counter import *
print(sorted(n for n in dir() if not n.startswith("__")))
print(bump(), bump())
print(count)
import _counter
print(_counter.count)
