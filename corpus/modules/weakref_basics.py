# weakref.ref and proxy: dereferencing, death, callbacks.
import weakref
class Node:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Node(%r)" % self.name
n = Node("a")
r = weakref.ref(n)
print(r() is n, r(), weakref.getweakrefcount(n))
def cb(ref):
    print("callback, referent gone:", ref() is None)
r2 = weakref.ref(n, cb)
print(weakref.getweakrefcount(n))
del n
print(r(), r2())
m = Node("proxied")
p = weakref.proxy(m)
print(p.name, repr(p.name))
del m
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)
try:
    weakref.ref(5)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref([])
except TypeError as e:
    print("TypeError:", e)
