# Several managers in one with statement: order of enter and exit.
class CM:
    def __init__(self, name, fail_enter=False):
        self.name, self.fail_enter = name, fail_enter
    def __enter__(self):
        if self.fail_enter:
            print("enter fails", self.name)
            raise OSError("cannot enter " + self.name)
        print("enter", self.name)
        return self.name
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
with CM("a") as a, CM("b") as b, CM("c") as c:
    print("body", a, b, c)
try:
    with CM("x"), CM("y", fail_enter=True), CM("z"):
        print("never")
except OSError as e:
    print("caught", e)
with (CM("p") as p,
      CM("q") as q):
    print("parenthesized", p, q)
with CM("outer"):
    with CM("inner"):
        print("nested")
