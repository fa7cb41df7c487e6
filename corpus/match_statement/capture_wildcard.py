# Capture patterns bind names; _ never binds; irrefutable case last.
def describe(x):
    match x:
        case 1:
            return "one"
        case other:
            return "captured %r" % (other,)
print(describe(1), describe("two"), describe([3]))
match 42:
    case _:
        print("wildcard matched; _ bound?", "_" in dir())
match (1, 2):
    case (a, _):
        print("a =", a)
value = "outer"
match "inner":
    case value:
        pass
print("capture rebinds:", value)
def group(x):
    match x:
        case (y):
            return "group pattern captures", y
print(group(9))
