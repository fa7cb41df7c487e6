# An as-pattern whose target is not a name.
def f(v):
    match v:
        case [1, 2] as 3:
            return v
