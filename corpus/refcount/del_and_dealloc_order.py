# __del__ runs as soon as the last reference goes; container teardown order.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
a = Noisy("a")
b = a
del a
print("a deleted, b still alive")
del b
print("--- list")
lst = [Noisy("l0"), Noisy("l1"), Noisy("l2")]
del lst
print("--- tuple")
t = (Noisy("t0"), Noisy("t1"), Noisy("t2"))
del t
print("--- dict")
d = {"x": Noisy("d-x"), "y": Noisy("d-y"), "z": Noisy("d-z")}
del d
print("--- rebinding")
n = Noisy("first")
n = Noisy("second")
print("--- attributes")
class Box:
    pass
box = Box()
box.p = Noisy("p")
box.q = Noisy("q")
del box
print("--- list clear and slice delete")
l2 = [Noisy("c0"), Noisy("c1"), Noisy("c2"), Noisy("c3")]
del l2[1:3]
l2.clear()
print("--- end of module")
