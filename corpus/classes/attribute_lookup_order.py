# Attribute lookup: data descriptor > instance dict > non-data descriptor/class attr > __getattr__.
class DataDesc:
    def __get__(self, o, t):
        return "data descriptor"
    def __set__(self, o, v):
        print("DataDesc.__set__", v)
class NonDataDesc:
    def __get__(self, o, t):
        return "non-data descriptor"
class K:
    d = DataDesc()
    n = NonDataDesc()
    c = "class attribute"
    def __getattr__(self, name):
        return "__getattr__(" + name + ")"
k = K()
k.__dict__.update(d="inst d", n="inst n", c="inst c")
print(k.d, "|", k.n, "|", k.c, "|", k.zzz)
k.d = "assign"
del k.__dict__["n"], k.__dict__["c"]
print(k.n, "|", k.c)
class Sub(K):
    c = "subclass attribute"
print(Sub().c, Sub().d)
