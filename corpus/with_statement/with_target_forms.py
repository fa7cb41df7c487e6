# with-statement targets: attributes, subscripts, tuples, starred.
class Pair:
    def __enter__(self):
        return (1, 2, 3)
    def __exit__(self, *a):
        pass
class Obj:
    pass
o = Obj()
d = {}
with Pair() as (a, b, c):
    print(a, b, c)
with Pair() as (first, *rest):
    print(first, rest)
with Pair() as o.attr:
    pass
with Pair() as d["key"]:
    pass
print(o.attr, d)
with Pair():
    print("no target")
lst = [None]
with Pair() as lst[0]:
    pass
print(lst)
