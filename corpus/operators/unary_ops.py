# Unary -, +, ~, not on builtins and user classes.
print(-5, +5, ~5, -(-5), -0, -0.0, +(-0.0), -(1 + 2j), ~True, -True, +False)
print(-(2 ** 100), ~(2 ** 100), -10 ** 2)
class Num:
    def __init__(self, v):
        self.v = v
    def __neg__(self):
        return Num(-self.v)
    def __pos__(self):
        return Num(abs(self.v))
    def __invert__(self):
        return Num(~self.v)
    def __repr__(self):
        return "Num(%d)" % self.v
n = Num(7)
print(-n, +Num(-3), ~n, - - n)
class NoOps:
    pass
for op, name in ((lambda x: -x, "neg"), (lambda x: +x, "pos"), (lambda x: ~x, "invert")):
    try:
        op(NoOps())
    except TypeError as e:
        print(name, "TypeError:", str(e).replace("'NoOps'", "NoOps"))
    try:
        op("s")
    except TypeError as e:
        print(name, "TypeError:", e)
print(not NoOps(), not not [])
