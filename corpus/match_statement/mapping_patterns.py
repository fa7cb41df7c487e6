# Mapping patterns: required keys, extra keys allowed, **rest, value patterns for keys.
def m(d):
    match d:
        case {"type": "point", "x": x, "y": y}:
            return "point (%r, %r)" % (x, y)
        case {"type": "circle", "r": r, **rest}:
            return "circle r=%r extra=%r" % (r, rest)
        case {"type": t}:
            return "unknown type " + t
        case {}:
            return "some mapping without type"
    return "not a mapping"
for d in ({"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5, "color": "red"},
          {"type": "hexagon"}, {"a": 1}, {}, [("type", "point")], "type"):
    print(m(d))
class Missing(dict):
    def __missing__(self, k):
        return "default"
match Missing(a=1):
    case {"b": v}:
        print("__missing__ used?", v)
    case {"a": v}:
        print("matched a, __missing__ not used:", v)
KEY = 3
match {3: "three", 1: "one"}:
    case {1: one, 3: three}:
        print(one, three)
