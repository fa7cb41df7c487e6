# stdlib: dataclasses.
from dataclasses import dataclass, field, asdict, astuple, replace, fields
@dataclass
class Point:
    x: int
    y: int = 0
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = field(default=(), compare=False)
@dataclass
class Bag:
    items: list = field(default_factory=list)
    def add(self, x):
        self.items.append(x)
        return self
p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), asdict(p), astuple(p), replace(p, y=9), [f.name for f in fields(p)])
vs = [Version(1, 2), Version(1, 0, ("beta",)), Version(0, 9)]
print(sorted(vs), Version(1) == Version(1, 0, ("x",)), hash(Version(1)) == hash(Version(1, 0)))
try:
    vs[0].major = 5
except Exception as e:
    print(type(e).__name__, e)
b1, b2 = Bag(), Bag()
b1.add(1).add(2)
print(b1, b2, b1 != b2)
