# Objects that survive a collection move to an older generation.
import gc
gc.disable()
gc.collect()
class Node:
    pass
def make_cycle():
    a, b = Node(), Node()
    a.o, b.o = b, a
    return a
x = make_cycle()
gc.collect(0)
del x
print("cycle now in generation 1, collect(0) finds:", gc.collect(0))
print("collect(1) finds:", gc.collect(1))
y = make_cycle()
gc.collect(0)
gc.collect(1)
del y
print("in generation 2, collect(1) finds:", gc.collect(1))
print("collect(2) finds:", gc.collect(2))
z = make_cycle()
del z
print("young cycle, collect(0) finds:", gc.collect(0))
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
gc.enable()
