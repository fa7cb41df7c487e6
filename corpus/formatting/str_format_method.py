# str.format with positional, keyword, index and attribute fields.
class P:
    def __init__(self):
        self.x = 3
        self.items = ["a", "b"]
print("{} {} {}".format(1, "two", 3.0))
print("{0}{1}{0}".format("ab", "cd"))
print("{name} is {age}".format(name="Bo", age=5))
print("{0[1]} {0[key]} {1.x} {1.items[1]}".format({1: "one", "key": "K"}, P()))
print("{!r} {!s} {!a}".format("é", "é", "é"))
print("{{literal}} {}".format("x"), "{:{}}|".format("pad", 6), "{:{w}.{p}f}".format(3.14159, w=10, p=3))
print("{0:>{1}}|{0:^{1}}|{0:<{1}}|".format("mid", 9))
d = {"a": 1, "b": 2}
print("{a}-{b}".format(**d), "{}-{}".format(*"xy"), "{0}".format(*range(5)))
print("{:,} {:_} {:,.2f} {:_b}".format(1234567, 1234567, 1234567.891, 255))
print(format(42), format(42, "x"), format("s", ">3"), format(3.5, "08.2f"), format([1], ""))
try:
    "{".format(1)
except ValueError as e:
    print("ValueError:", e)
try:
    "}".format(1)
except ValueError as e:
    print("ValueError:", e)
try:
    "{1}".format(0)
except IndexError as e:
    print("IndexError:", e)
try:
    "{0.missing}".format(P())
except AttributeError as e:
    print("AttributeError:", str(e).replace(".P", ""))
print("{0!r:>10}|{0!s:*<8}|".format("q"))
print("{:%}|{:.1%}|{:e}|{:.2E}".format(0.25, 1 / 3, 1234.5, 0.0001))
print("{} {}".format(*[1, 2]), "{x[0]}".format(x=[9]))
