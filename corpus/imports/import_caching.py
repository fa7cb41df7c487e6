# A module executes once; later imports reuse the sys.modules entry and its state.
import sys
import _counter
_counter.bump()
import _counter as again
again.bump()
from _counter import bump
bump()
print(_counter.count, again is _counter, "_counter" in sys.modules, sys.modules["_counter"] is _counter)
from _counter import count
_counter.bump()
print(count, _counter.count)
def local_import():
    import _counter
    return _counter.bump()
print(local_import(), _counter.count)
