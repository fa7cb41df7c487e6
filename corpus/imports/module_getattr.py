# Module-level __getattr__ and __dir__ (PEP 562).
import _lazy
print(_lazy.existing, _lazy.auto_hello, getattr(_lazy, "auto_x"))
try:
    _lazy.missing
except AttributeError as e:
    print("AttributeError:", e)
print(dir(_lazy))
from _lazy import auto_imported
print(auto_imported)
try:
    from _lazy import nothing_here
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
