# __exit__ returning true suppresses the exception; a hand-written suppress().
class suppress:
    def __init__(self, *excs):
        self.excs = excs
    def __enter__(self):
        return None
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.excs):
            print("suppressed", et.__name__, ev)
            return True
        return False
with suppress(KeyError):
    {}["missing"]
    print("not reached")
print("continues after suppression")
with suppress(ValueError, TypeError):
    int("x")
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print("not suppressed:", e)
class TruthyExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return "non-empty string is true"
with TruthyExit():
    raise IndexError
print("suppressed by truthy value")
def f():
    for i in range(3):
        with suppress(ZeroDivisionError):
            print(10 / (i - 1))
    return "done"
print(f())
