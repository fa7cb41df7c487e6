# throw() and close(): GeneratorExit, finally blocks, ignoring close.
def worker():
    try:
        while True:
            try:
                x = yield
                print("working on", x)
            except ValueError as e:
                print("recovered from", e)
    finally:
        print("cleanup")
w = worker()
next(w)
w.send(1)
w.throw(ValueError("bad input"))
w.send(2)
w.close()
print("closed")
w.close()
try:
    w.send(3)
except StopIteration:
    print("send after close: StopIteration")
def stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("ignoring GeneratorExit")
            yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def thrower():
    yield 1
t = thrower()
try:
    t.throw(KeyError("before start"))
except KeyError as e:
    print("unstarted generator re-raises", repr(e))
print(next(t, "exhausted"))
def returns_on_close():
    try:
        yield
    except GeneratorExit:
        return "ignored value"
r = returns_on_close()
next(r)
print(r.close())
