# with statements hold the manager's __exit__ during the block and release afterwards.
import sys
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False
cm = CM()
base = sys.getrefcount(cm)
with cm as bound:
    inside = sys.getrefcount(cm) - base
print("inside the block (target + exit method):", inside)
print("after, target still bound:", sys.getrefcount(cm) - base)
del bound
print("released:", sys.getrefcount(cm) - base)
with cm:
    inside2 = sys.getrefcount(cm) - base
print("without a target:", inside2)
