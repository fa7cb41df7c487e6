# return in generators: StopIteration.value, and returning from nested delegations.
def g():
    yield 1
    return {"summary": True}
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print(e.value, e.args)
def counted(items):
    n = 0
    for x in items:
        yield x
        n += 1
    return n
def wrapper():
    total = 0
    for chunk in (["a", "b"], ["c"], []):
        total += yield from counted(chunk)
    return total
w = wrapper()
print(list(w))
w2 = wrapper()
try:
    while True:
        next(w2)
except StopIteration as e:
    print("total", e.value)
def ret_none():
    yield
    return
r = ret_none()
next(r)
try:
    next(r)
except StopIteration as e:
    print(e.value, e.args)
