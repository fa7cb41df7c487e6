# References held by for-loop iterators and targets during iteration.
import sys
class Obj:
    pass
o = Obj()
base = sys.getrefcount(o)
items = [o, o, o]
inside = []
for x in items:
    inside.append(sys.getrefcount(o) - base)
print("during loop:", inside)
print("after loop (x still bound):", sys.getrefcount(o) - base)
del x
for i, y in enumerate(items):
    pass
print("enumerate target bound:", sys.getrefcount(o) - base)
del y
while items:
    items.pop()
print("items popped:", sys.getrefcount(o) - base)
