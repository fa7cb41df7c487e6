# A hand-written contextmanager decorator over a generator.
class _GenCM:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, et, ev, tb):
        if et is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(ev)
        except StopIteration:
            return True
        except BaseException as e:
            if e is ev:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")
def contextmanager(f):
    def helper(*a, **k):
        return _GenCM(f(*a, **k))
    return helper
@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)
with tag("html") as t:
    with tag("body"):
        print("content", t)
@contextmanager
def catching():
    try:
        yield
    except ValueError as e:
        print("handled in generator:", e)
with catching():
    raise ValueError("oops")
print("after")
try:
    with tag("p"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", repr(e))
