# Guards: evaluation order, side effects, bindings happen before the guard.
calls = []
def check(name, result):
    calls.append(name)
    return result
def m(v):
    match v:
        case [x, y] if check("sum guard", x + y == 10):
            return "sums to ten"
        case [x, y] if check("eq guard", x == y):
            return "equal pair"
        case [x, *_] if x < 0:
            return "negative head"
        case _:
            return "fallback"
for v in ([3, 7], [4, 4], [1, 2], [-1, 2, 3], "xy"):
    calls.clear()
    print(v, m(v), calls)
x = "unchanged"
match [5, 6]:
    case [x, y] if False:
        pass
    case _:
        pass
print("x after failed guard:", x)
