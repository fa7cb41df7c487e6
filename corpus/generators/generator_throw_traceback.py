# throw() with an exception class, instance, and a generator that converts the error.
def g():
    try:
        yield 1
    except ZeroDivisionError as e:
        print("caught inside:", repr(e))
        raise ValueError("converted") from e
gen = g()
next(gen)
try:
    gen.throw(ZeroDivisionError)
except ValueError as e:
    print(repr(e), repr(e.__cause__))
gen = g()
next(gen)
try:
    gen.throw(ZeroDivisionError("with message"))
except ValueError as e:
    print(repr(e.__cause__))
def h():
    yield 1
    yield 2
gen = h()
next(gen)
try:
    gen.throw(StopIteration)
except RuntimeError as e:
    print("RuntimeError:", e)
print(next(gen, "exhausted"))
