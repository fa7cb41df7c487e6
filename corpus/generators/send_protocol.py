# send(): priming, receiving values, running averages, coroutine-style.
def echo():
    received = None
    while True:
        received = yield received
        print("got", received)
e = echo()
print(e.send(None))
print(e.send("a"), e.send("b"))
def averager():
    total, n, avg = 0, 0, None
    while True:
        x = yield avg
        total += x
        n += 1
        avg = total / n
a = averager()
next(a)
print([a.send(v) for v in (10, 20, 60)])
g = echo()
try:
    g.send("not primed")
except TypeError as ex:
    print("TypeError:", ex)
def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v
c = acc()
next(c)
c.send(5); c.send(7)
try:
    c.send(None)
except StopIteration as s:
    print("finished with", s.value)
