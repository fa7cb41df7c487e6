# A hand-written partial() and currying with closures.
def partial(f, *pargs, **pkw):
    def call(*args, **kw):
        merged = dict(pkw)
        merged.update(kw)
        return f(*pargs, *args, **merged)
    call.func, call.args, call.keywords = f, pargs, pkw
    return call
def volume(l, w, h, unit="cm"):
    return "%d%s3" % (l * w * h, unit)
box10 = partial(volume, 10)
print(box10(2, 3), box10(1, 1, unit="m"), partial(volume, unit="mm")(1, 2, 3))
print(box10.args, box10.keywords, box10.func.__name__)
def curry(f, n):
    def step(args):
        if len(args) == n:
            return f(*args)
        return lambda x: step(args + (x,))
    return step(())
add3 = curry(lambda a, b, c: a + b + c, 3)
print(add3(1)(2)(3), add3("x")("y")("z"))
