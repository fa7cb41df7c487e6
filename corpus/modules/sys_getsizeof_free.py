# sys functions whose results are deterministic relations rather than values.
import sys
a = []
print(sys.getrefcount(a) >= 2)
print(sys.getsizeof([]) < sys.getsizeof([1, 2, 3]), sys.getsizeof(0) <= sys.getsizeof(10 ** 100))
print(sys.getsizeof("") < sys.getsizeof("a" * 100))
def f():
    return sys._getframe().f_code.co_name, sys._getframe(1).f_code.co_name
print(f())
print(sys.exc_info())
try:
    raise KeyError("x")
except KeyError:
    et, ev, tb = sys.exc_info()
    print(et.__name__, repr(ev), tb.tb_lineno, sys.exception() is ev if hasattr(sys, "exception") else "no sys.exception")
print(sys.exc_info() == (None, None, None))
