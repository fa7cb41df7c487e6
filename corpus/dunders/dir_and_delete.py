# __dir__ customises dir(); descriptor __delete__ handles del.
class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "mid", "alpha"]
print(dir(Custom()))
class Plain:
    cls_attr = 1
    def method(self):
        pass
p = Plain()
p.inst = 2
print([n for n in dir(p) if not n.startswith("__")])
class Guard:
    def __get__(self, obj, owner):
        return "guarded" if obj is not None else self
    def __set__(self, obj, v):
        print("set", v)
    def __delete__(self, obj):
        print("__delete__ called")
class H:
    g = Guard()
h = H()
h.g = 5
del h.g
print(h.g)
class ListDir:
    def __dir__(self):
        return ("b", "a")
print(dir(ListDir()))
