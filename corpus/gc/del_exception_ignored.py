# An exception raised in __del__ is reported ("Exception ignored in") and the program continues.
# output-has-addresses (CPython names the failing __del__ function by address; the harness normalises 0x...)
import gc
gc.disable()
gc.collect()
class Bad:
    def __del__(self):
        raise ValueError("error inside __del__")
b = Bad()
del b
print("program continues after refcount finalizer error")
c = Bad()
c.me = c
del c
print("collected:", gc.collect())
print("still running")
gc.enable()
