# del of names, attributes, items, slices and targets lists.
a = 1
b = [1, 2, 3, 4]
c = {"k": 1, "j": 2}
class O:
    pass
o = O()
o.attr = 5
del a
try:
    print(a)
except NameError as e:
    print("NameError:", e)
del b[0], c["k"]
print(b, c)
del o.attr
try:
    o.attr
except AttributeError as e:
    print("AttributeError:", e)
x, y = 1, 2
del (x, y)
print("x" in dir(), "y" in dir())
def f():
    z = 1
    del z
    try:
        return z
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())
lst = [[1, 2], [3, 4]]
del lst[0][1], lst[1]
print(lst)
try:
    del undefined_name
except NameError as e:
    print("NameError:", e)
