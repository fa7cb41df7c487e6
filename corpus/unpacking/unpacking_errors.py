# ValueError/TypeError messages from unpacking mismatches.
def two(v):
    a, b = v
def three(v):
    a, b, c = v
def star_tail(v):
    a, *b, c, d = v
def nested(v):
    (a, b), c = v
def one(v):
    [a] = v
cases = [(two, [1]), (two, [1, 2, 3]), (two, 1), (three, "ab"), (star_tail, [1, 2]), (two, {}), (two, None),
         (nested, [[1, 2, 3], 4]), (two, iter(range(10))), (one, []), (two, {"k": 1, "j": 2})]
for fn, v in cases:
    try:
        fn(v)
        print(fn.__name__, "ok")
    except (ValueError, TypeError) as e:
        print(fn.__name__, type(e).__name__, e)
def gen():
    yield 1
    yield 2
    print("generator resumed a third time")
    yield 3
try:
    x, y = gen()
except ValueError as e:
    print("ValueError:", e)
