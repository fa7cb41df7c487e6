# __del__ methods of objects in a cycle run once each, before the cycle is cleared (PEP 442).
import gc
gc.disable()
gc.collect()
class Fin:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("finalize", self.name, "peer:", self.peer.name)
a, b, c = Fin("a"), Fin("b"), Fin("c")
a.peer, b.peer, c.peer = b, c, a
del a, b, c
print("collecting")
print("found:", gc.collect())
x = Fin("x")
x.peer = x
del x
print("found:", gc.collect())
gc.enable()
