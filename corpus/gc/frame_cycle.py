# A frame stored in its own locals creates a cycle.
import gc
import sys
gc.disable()
gc.collect()
def keep_frame():
    f = sys._getframe()
    return "done"
print(keep_frame())
print("frame -> locals -> frame:", gc.collect())
def keep_locals():
    x = [1, 2]
    loc = locals()
    return "done"
print(keep_locals())
print("locals() snapshot without a cycle:", gc.collect())
gc.enable()
