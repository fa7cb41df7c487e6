# Names bound by patterns persist after the match (even partial matches may bind).
def f(v):
    match v:
        case [a, b] if a > b:
            result = "desc"
        case [a, b]:
            result = "asc"
        case _:
            result = "other"
    return result, locals().get("a"), locals().get("b")
print(f([2, 1]), f([1, 2]), f("x"))
match {"k": [1, 2]}:
    case {"k": [first, *others]}:
        pass
print(first, others)
def g():
    match 5:
        case int(n) if n > 10:
            return "big"
        case n:
            return "n is %r" % n
print(g())
