# Or-patterns and as-patterns, including nested alternatives.
def m(v):
    match v:
        case 1 | 2 | 3 as small:
            return "small %d" % small
        case "y" | "yes" | "Y":
            return "affirmative"
        case [1, (2 | 3) as second] | [second, 9]:
            return "second is %r" % (second,)
        case (int() | float()) as num if num > 100:
            return "big number"
        case {"k": (str() | bytes()) as val}:
            return "k holds %r" % (val,)
        case _:
            return "no"
for v in (1, 3, 4, "yes", "Y", [1, 3], [7, 9], [1, 4], 101, 100.5, 5.0, {"k": b"x"}, {"k": 1}):
    print(repr(v), "->", m(v))
match (1, 2):
    case (x, y) as whole:
        print(x, y, whole)
