# property(): fget/fset/fdel/doc, copying with getter/setter/deleter, and errors.
def get(self):
    return self._v
def set_(self, v):
    self._v = v * 2
def del_(self):
    del self._v
class C:
    v = property(get, set_, del_, "value doc")
    ro = property(lambda self: "read only")
    wo = property(None, set_)
c = C()
c.v = 5
print(c.v, C.v.__doc__, C.v.fget is get, C.v.fset is set_, C.v.fdel is del_)
del c.v
print(hasattr(c, "_v"))
for op in (lambda: setattr(c, "ro", 1), lambda: delattr(c, "ro"), lambda: c.wo):
    try:
        op()
    except AttributeError as e:
        print("AttributeError:", e)
c.wo = 3
print(c._v)
p = property(get)
p2 = p.setter(set_)
print(p is not p2, p2.fget is get, p2.fset is set_, p.fset)
print(property().fget, property(doc="d").__doc__, type(C.__dict__["v"]).__name__)
class D:
    @property
    def x(self):
        "getter doc"
        return 1
print(D.x.__doc__)
