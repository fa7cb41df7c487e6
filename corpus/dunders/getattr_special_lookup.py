# Special methods are looked up on the type, bypassing __getattr__ and instance dicts.
class Dyn:
    def __getattr__(self, name):
        print("__getattr__", name)
        return lambda *a: 42
d = Dyn()
print(d.__len__())
try:
    len(d)
except TypeError as e:
    print("TypeError:", e)
try:
    d + 1
except TypeError as e:
    print("TypeError:", e)
class Meta(type):
    def __getattr__(cls, name):
        return "meta-" + name
class K(metaclass=Meta):
    pass
print(K.anything)
try:
    len(K())
except TypeError as e:
    print("TypeError:", e)
class Late:
    pass
l = Late()
Late.__len__ = lambda self: 5
Late.__add__ = lambda self, o: "added"
print(len(l), l + 1)
del Late.__len__
try:
    len(l)
except TypeError as e:
    print("TypeError:", e)
