# Metaclasses: __new__/__init__ hooks, class-level __call__, keyword arguments.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(k for k in ns if not k.startswith("__")), kw)
        ns["added_by_meta"] = True
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a, **k)
class Base(metaclass=Meta, flag=1):
    x = 1
    def __init__(self, v):
        self.v = v
class Child(Base):
    y = 2
obj = Child(5)
print(obj.v, Child.added_by_meta, type(Child).__name__, type(Base) is Meta)
print(isinstance(Child, Meta), isinstance(Child, type), Meta.__mro__)
class Registry(type):
    classes = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Registry.classes.append(name)
class R1(metaclass=Registry): pass
class R2(R1): pass
print(Registry.classes)
