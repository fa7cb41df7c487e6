# __match_args__ edge cases: too many positionals, missing attributes, dataclass-like classes.
class Pair:
    __match_args__ = ("left", "right")
    def __init__(self, l, r):
        self.left, self.right = l, r
class NoArgs:
    def __init__(self):
        self.v = 1
def m(o):
    match o:
        case Pair(Pair(a, b), c):
            return "nested pair", a, b, c
        case Pair(a, right=b):
            return "mixed", a, b
        case NoArgs(v=1):
            return "NoArgs with v=1"
    return "none"
print(m(Pair(Pair(1, 2), 3)), m(Pair(1, 2)), m(NoArgs()))
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)
try:
    match Pair(1, 2):
        case Pair(1, left=1):
            pass
except TypeError as e:
    print("TypeError:", e)
class Missing:
    __match_args__ = ("nope",)
match Missing():
    case Missing(x):
        print("matched?", x)
    case _:
        print("attribute missing -> no match")
class Bad:
    __match_args__ = ["list", "not", "tuple"]
try:
    match Bad():
        case Bad(x):
            pass
except TypeError as e:
    print("TypeError:", e)
