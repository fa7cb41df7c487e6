# __format__ on user classes and its use by format(), str.format and f-strings.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "":
            return "$%d.%02d" % divmod(self.cents, 100)
        if spec == "cents":
            return "%d¢" % self.cents
        if spec.startswith(">"):
            return format(format(self, ""), spec)
        raise ValueError("bad spec " + spec)
    def __str__(self):
        return "Money(%d)" % self.cents
m = Money(12345)
print(format(m), format(m, "cents"), format(m, ">12"))
print("{} {:cents} {!s}".format(m, m, m))
print(f"{m} {m:cents} {m!s:>14} {m:>10}")
try:
    format(m, "weird")
except ValueError as e:
    print("ValueError:", e)
class Plain:
    def __str__(self):
        return "plain"
print(format(Plain()), f"{Plain()}", "{}".format(Plain()))
try:
    format(Plain(), "10")
except TypeError as e:
    print("TypeError:", e)
class BadFormat:
    def __format__(self, spec):
        return 5
try:
    format(BadFormat())
except TypeError as e:
    print("TypeError:", e)
class I(int):
    def __format__(self, spec):
        return "I<" + int.__format__(self, spec) + ">"
print(f"{I(5):03d}", format(I(10), "x"), "%d" % I(7))
