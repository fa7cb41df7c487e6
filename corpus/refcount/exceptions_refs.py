# Exception objects hold their args; `except ... as` names are deleted afterwards.
import sys
class Payload:
    pass
p = Payload()
base = sys.getrefcount(p)
err = ValueError(p)
print("exception args hold payload:", sys.getrefcount(p) - base)
eb = sys.getrefcount(err)
try:
    raise err
except ValueError as caught:
    print("inside handler:", sys.getrefcount(err) - eb > 0)
print("after handler, traceback kept on exception:", err.__traceback__ is not None)
err.__traceback__ = None
print("handler name gone:", "caught" not in dir(), sys.getrefcount(err) - eb)
del err
print("payload released:", sys.getrefcount(p) - base)
def raiser():
    raise KeyError(p)
try:
    raiser()
except KeyError:
    pass
print("after caught exception from a function:", sys.getrefcount(p) - base)
