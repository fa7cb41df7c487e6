# ModuleNotFoundError, ImportError for missing names, and a module failing mid-import.
import sys
try:
    import _does_not_exist
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from _shapes import no_such_name
except ImportError as e:
    # the message ends with the module's file path, which depends on the checkout
    print(type(e).__name__, str(e).split(" (")[0], e.name)
try:
    import _broken
except RuntimeError as e:
    print("RuntimeError:", e)
print("_broken" in sys.modules)
try:
    import _broken
except RuntimeError as e:
    print("second attempt re-executes:", e)
print(issubclass(ModuleNotFoundError, ImportError))
