# filter(): predicate or None, laziness, user truthiness.
print(list(filter(lambda x: x % 2, range(10))), list(filter(None, [0, 1, "", "a", [], [0], None, 0.0])))
print(list(filter(str.isdigit, "a1b2c3")), "".join(filter(str.isalpha, "h3ll0 w0rld")))
class T:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v > 1
    def __repr__(self):
        return "T%d" % self.v
print(list(filter(None, [T(0), T(2), T(5)])))
f = filter(lambda x: x > 2, iter([1, 5, 2, 7]))
print(next(f), list(f), type(f).__name__)
try:
    filter(None, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    list(filter(1, [1]))
except TypeError as e:
    print("TypeError:", e)
