# Sequence patterns: fixed length, star, nested, and what counts as a sequence.
def m(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return "one: %r" % (x,)
        case [x, y]:
            return "two: %r %r" % (x, y)
        case [0, *rest]:
            return "starts with 0, rest %r" % (rest,)
        case [first, *_, last]:
            return "first %r last %r" % (first, last)
for v in ([], [1], (1, 2), [0, 1, 2, 3], [5, 6, 7], range(3), "ab", b"ab", {"a": 1}, iter([1])):
    print(repr(v) if not hasattr(v, "__next__") else "iterator", "->", m(v))
def nested(v):
    match v:
        case [[a, b], [c, d]]:
            return a + b + c + d
        case [[a, *_], *_]:
            return "head of head %r" % (a,)
        case ((1 | 2) as small, *_):
            return "small %r" % (small,)
    return "no match"
print(nested([[1, 2], [3, 4]]), nested([[9, 8, 7], 1]), nested((2, 5)), nested([3]))
match [1, 2, 3, 4, 5]:
    case [*head, 4, 5]:
        print("head", head)
match (1, [2, 3]):
    case (a, [b, *c]):
        print(a, b, c)
