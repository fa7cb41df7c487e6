# sys.excepthook / sys.displayhook and the other sys hooks and knobs.
import sys
import builtins

print(sys.excepthook is sys.__excepthook__, sys.displayhook is sys.__displayhook__)
try:
    raise ValueError("shown by excepthook")
except ValueError:
    sys.stderr = sys.stdout
    sys.excepthook(*sys.exc_info())
    sys.stderr = sys.__stderr__
sys.displayhook(None)
sys.displayhook(42)
print(builtins._)
sys.displayhook("text")
print(builtins._)
print(sys.getswitchinterval())
sys.setswitchinterval(0.01)
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError:", e)
print(sys.gettrace(), sys.getprofile())
sys.settrace(None)
sys.setprofile(None)
print(sys.call_tracing(divmod, (17, 5)))
try:
    sys.call_tracing(divmod, [17, 5])
except TypeError as e:
    print("TypeError:", e)
sys.audit("refvm.test", 1, 2)
print(type(sys.meta_path), type(sys.path_hooks), type(sys.path_importer_cache))
print(sys.pycache_prefix, sys.api_version, repr(sys.abiflags))
print(sys.version.split()[0], sys.version.count("("), sys.version.count("["))
try:
    sys.excepthook(1, 2)
except TypeError as e:
    print("TypeError:", e)
