# Exceptions inside generators, propagating to the consumer and into finally.
def gen():
    try:
        yield 1
        yield 2
        raise ValueError("inside generator")
    finally:
        print("generator finally")
g = gen()
print(next(g), next(g))
try:
    next(g)
except ValueError as e:
    print("consumer caught", e)
print(next(g, "exhausted"))
def stop_inside():
    yield 1
    raise StopIteration("explicit")
try:
    list(stop_inside())
except RuntimeError as e:
    print("RuntimeError:", e, "cause:", repr(e.__cause__))
def catcher():
    while True:
        try:
            yield
        except KeyError as e:
            print("generator handled", repr(e))
c = catcher()
next(c)
c.throw(KeyError("k1"))
c.throw(KeyError("k2"))
try:
    c.throw(TypeError("not handled"))
except TypeError as e:
    print("propagated", e)
