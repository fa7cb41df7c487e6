# Messages of the errors programs commonly hit.
class K:
    pass
def f(a):
    pass
tests = [
    lambda: undefined_name,
    lambda: K().attr,
    lambda: K.attr,
    lambda: "s".nope,
    lambda: None.x,
    lambda: {"a": 1}["b"],
    lambda: [1, 2][5],
    lambda: (1,)[2],
    lambda: "ab"[9],
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: int("12x"),
    lambda: int("5", 2),
    lambda: float("z"),
    lambda: 1 + "1",
    lambda: "1" + 1,
    lambda: len(5),
    lambda: f(),
    lambda: f(1, 2),
    lambda: nothing(),
    lambda: iter(5),
    lambda: next(iter([])),
    lambda: [].pop(),
    lambda: {}.popitem(),
    lambda: set().pop(),
    lambda: [1].index(0),
    lambda: "abc".index("z"),
    lambda: hash([]),
    lambda: {[]: 1},
    lambda: sorted([1, "a"]),
    lambda: chr(0x110000),
    lambda: range(1, 2, 0),
    lambda: (1, 2).x,
]
nothing = None
for t in tests:
    try:
        t()
        print("no error?")
    except Exception as e:
        print(type(e).__name__, e)
