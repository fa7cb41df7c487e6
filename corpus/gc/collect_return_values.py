# gc.collect() returns the number of unreachable objects found.
import gc
gc.disable()
print("first collect returns an int:", type(gc.collect()).__name__)
print("empty:", gc.collect())
class O:
    pass
for n in (1, 2, 5, 20):
    objs = [O() for _ in range(n)]
    for i, o in enumerate(objs):
        o.next = objs[(i + 1) % n]
    del objs, o
    print(n, "instances in a ring:", gc.collect())
lists = [[] for _ in range(100)]
for l in lists:
    l.append(l)
del lists, l
print("100 self-cycles:", gc.collect())
print("again:", gc.collect())
gc.enable()
