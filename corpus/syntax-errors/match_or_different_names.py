# Alternatives of an or-pattern binding different names.
def f(v):
    match v:
        case [x] | [y]:
            return 0
