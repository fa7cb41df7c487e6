# stdlib: namedtuple, defaultdict, OrderedDict, ChainMap.
from collections import namedtuple, defaultdict, OrderedDict, ChainMap
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x + p.y, p._asdict(), p._replace(x=10), Point._fields, Point._make([5, 6]), tuple(p))
Emp = namedtuple("Emp", ["name", "dept", "salary"], defaults=[0])
print(Emp("ann", "eng"), Emp("bob", "ops", 5).salary, isinstance(p, tuple))
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dd, dict(dd), dd["missing"], len(dd))
counts = defaultdict(int)
for ch in "hello":
    counts[ch] += 1
print(sorted(counts.items()))
od = OrderedDict.fromkeys("abcde")
od.move_to_end("b")
od.move_to_end("e", last=False)
print(list(od), od.popitem(), od.popitem(last=False), list(od))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.maps)
cm2 = cm.new_child({"c": 4})
cm2["a"] = 100
print(cm2, cm)
