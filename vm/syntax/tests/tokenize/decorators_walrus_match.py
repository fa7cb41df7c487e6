@dec
def f(a, /, b, *, c): ...
if (n := 10) > 5:
    match p:
        case [1, *rest] | {'k': _}:
            pass
