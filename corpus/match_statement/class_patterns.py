# Class patterns: keyword attributes, positional via __match_args__, builtins.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Circle:
    __match_args__ = ("center", "radius")
    def __init__(self, c, r):
        self.center, self.radius = c, r
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return "on y axis at %r" % y
        case Point(x, 0):
            return "on x axis at %r" % x
        case Circle(Point(0, 0), r) if r > 10:
            return "big circle at origin"
        case Circle(center=Point(x=cx), radius=r):
            return "circle at x=%r r=%r" % (cx, r)
        case Point():
            return "some point"
        case _:
            return "not a shape"
for s in (Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1), Circle(Point(0, 0), 20), Circle(Point(2, 3), 1), 7):
    print(where(s))
def builtin(v):
    match v:
        case bool(b):
            return "bool %r" % b
        case int(n) if n < 0:
            return "negative int"
        case int(n):
            return "int %d" % n
        case str() as s:
            return "str of len %d" % len(s)
        case list([x, *_]):
            return "list starting %r" % (x,)
        case float(f) | (complex() as f):
            return "float or complex %r" % (f,)
        case dict(d):
            return "dict %r" % d
    return "other"
for v in (True, -3, 7, "abc", [9, 8], 2.5, 1j, {"k": 1}, (1,)):
    print(repr(v), builtin(v))
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError:", e)
