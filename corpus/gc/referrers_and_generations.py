# gc.get_referrers, gc.get_objects(generation) and argument checking.
import gc
gc.disable()
gc.collect()
class Leaf:
    pass
leaf = Leaf()
holder = [leaf]
box = {"leaf": leaf}
refs = gc.get_referrers(leaf)
print(any(r is holder for r in refs), any(r is box for r in refs))
young = gc.get_objects(0)
print(any(o is holder for o in young))
gc.collect(0)
print(any(o is holder for o in gc.get_objects(0)), any(o is holder for o in gc.get_objects(1)))
gc.collect()
print(any(o is holder for o in gc.get_objects(2)))
for bad in (3, -1):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("collect", bad, "->", e)
try:
    gc.get_objects(3)
except ValueError as e:
    print("get_objects(3) ->", e)
print(gc.is_tracked(leaf), gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(Leaf))
t = (1, 2, (3, 4))
print("atomic tuple tracked before collect:", gc.is_tracked(t))
gc.collect()
print("after collect:", gc.is_tracked(t))
d = {"a": 1}
print("atomic dict:", gc.is_tracked(d), "with a list:", gc.is_tracked({"a": []}))
gc.enable()
