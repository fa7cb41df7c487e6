# Cycles through lists and dicts.
import gc
gc.disable()
gc.collect()
l = []
l.append(l)
del l
print("self-referencing list:", gc.collect())
d = {}
d["self"] = d
del d
print("self-referencing dict:", gc.collect())
a, b = [], []
a.append(b)
b.append(a)
del a, b
print("two lists:", gc.collect())
x = {"items": []}
x["items"].append(x)
del x
print("dict -> list -> dict:", gc.collect())
t = ([],)
t[0].append(t)
del t
print("tuple -> list -> tuple:", gc.collect())
chain = [[] for _ in range(50)]
for i in range(49):
    chain[i].append(chain[i + 1])
chain[49].append(chain[0])
del chain
print("cycle of 50 lists:", gc.collect())
gc.enable()
