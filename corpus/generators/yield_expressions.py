# yield as an expression in various positions.
def g():
    a = yield 1
    b = (yield 2) + 10
    c = [(yield 3), (yield 4)]
    d = yield
    print("values:", a, b, c, d)
    yield f"{(yield 5)}!"
gen = g()
print(next(gen))
print(gen.send("A"))
print(gen.send(5))
print(gen.send("C1"))
print(gen.send("C2"))
print(gen.send("D"))
print(gen.send("E"))
def lam():
    f = lambda: (yield "from lambda")
    return list(f())
print(lam())
def yield_in_call():
    print("arg is", (yield "q"))
    return
y = yield_in_call()
next(y)
try:
    y.send("answer")
except StopIteration:
    print("done")
