# TypeError messages when an object lacks the needed dunder.
class Empty:
    pass
e = Empty()
def use_with(obj):
    with obj:
        pass
tests = [
    ("len", lambda: len(e)),
    ("iter", lambda: iter(e)),
    ("next", lambda: next(e)),
    ("call", lambda: e()),
    ("getitem", lambda: e[0]),
    ("setitem", lambda: e.__class__.__setitem__),
    ("add", lambda: e + e),
    ("neg", lambda: -e),
    ("lt", lambda: e < e),
    ("abs", lambda: abs(e)),
    ("hash ok", lambda: print("hash ok:", type(hash(e)).__name__)),
    ("int", lambda: int(e)),
    ("reversed", lambda: reversed(e)),
    ("in", lambda: 1 in e),
    ("unpack", lambda: [*e]),
    ("for", lambda: [x for x in e]),
    ("with", lambda: use_with(e)),
    ("round", lambda: round(e)),
]
for name, t in tests:
    try:
        t()
    except (TypeError, AttributeError) as ex:
        print(name, type(ex).__name__, str(ex).replace("Empty", "E"))
