# A StopIteration raised by an iterator keeps its value through map/zip/enumerate/filter,
# and `yield from` over a plain iterator returns the value its StopIteration carries.


class Countdown:
    def __init__(self, n, result):
        self.n = n
        self.result = result

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration(self.result)
        self.n -= 1
        return self.n


def stop_args(label, make):
    it = make()
    try:
        while True:
            next(it)
    except StopIteration as e:
        print(label, e.args, e.value)


stop_args("direct", lambda: Countdown(2, "done"))
stop_args("map", lambda: map(str, Countdown(2, "m")))
stop_args("zip", lambda: zip(Countdown(1, "z"), "abc"))
stop_args("enumerate", lambda: enumerate(Countdown(3, ("e", 1))))
stop_args("filter", lambda: filter(None, Countdown(3, 99)))
stop_args("iter-seq", lambda: iter([1, 2]))


def delegate(it):
    result = yield from it
    print("delegate got", repr(result))
    return result


print(list(delegate(Countdown(3, "final"))))
print(list(delegate(map(abs, [-1, -2]))))
g = delegate(Countdown(1, [1, 2]))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("outer StopIteration", e.value)
