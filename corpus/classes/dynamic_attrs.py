# getattr/setattr/delattr/hasattr on instances and classes with computed names.
class Obj:
    pass
o = Obj()
for i, name in enumerate(["alpha", "beta", "gamma"]):
    setattr(o, name, i)
print(sorted(vars(o).items()))
print(getattr(o, "beta"), getattr(o, "delta", "missing"), hasattr(o, "gamma"))
delattr(o, "alpha")
print(hasattr(o, "alpha"), sorted(o.__dict__))
setattr(Obj, "cls_attr", "on class")
print(o.cls_attr, getattr(Obj, "cls_attr"))
setattr(o, "with space", 1)
print(getattr(o, "with space"))
try:
    getattr(o, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    delattr(o, "nonexistent")
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(o, "__class__").__name__, getattr(5, "real"), getattr("s", "upper")())
