# The same name bound twice in one pattern.
def f(v):
    match v:
        case [x, x]:
            return x
