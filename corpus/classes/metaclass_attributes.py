# Metaclass methods and properties are visible on classes, not instances.
class Meta(type):
    def describe(cls):
        return "class " + cls.__name__
    @property
    def upper_name(cls):
        return cls.__name__.upper()
    def __repr__(cls):
        return "<class-repr %s>" % cls.__name__
    def __len__(cls):
        return 99
    def __getitem__(cls, key):
        return "%s[%r]" % (cls.__name__, key)
class Thing(metaclass=Meta):
    pass
print(Thing.describe(), Thing.upper_name, repr(Thing), len(Thing), Thing[int], Thing["x"])
try:
    Thing().describe()
except AttributeError as e:
    print("AttributeError:", e)
class Generic:
    def __class_getitem__(cls, item):
        return "%s of %s" % (cls.__name__, getattr(item, "__name__", item))
print(Generic[int], Generic["str"], list[int], dict[str, int])
print(type(list[int]).__name__, list[int].__origin__ is list, list[int].__args__)
