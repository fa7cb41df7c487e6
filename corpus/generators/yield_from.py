# yield from: delegation, return values, send/throw passthrough.
def inner():
    x = yield "inner-1"
    print("inner got", x)
    y = yield "inner-2"
    print("inner got", y)
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got result", r)
    yield "outer-done"
g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(3), (x * x for x in range(3)))))
def catching():
    try:
        yield 1
        yield 2
    except KeyError as e:
        yield "inner caught " + repr(e)
def delegate():
    yield from catching()
    yield "after"
d = delegate()
print(next(d), d.throw(KeyError("k")), next(d))
def tree(n):
    if n == 0:
        return 1
    a = yield from tree(n - 1)
    yield n
    b = yield from tree(n - 1)
    return a + b
gen = tree(3)
out = []
try:
    while True:
        out.append(next(gen))
except StopIteration as s:
    print(out, "leaves:", s.value)
