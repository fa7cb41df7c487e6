# Duck typing and polymorphic dispatch over a class hierarchy.
class Expr:
    def eval(self, env):
        raise NotImplementedError
class Num(Expr):
    def __init__(self, v):
        self.v = v
    def eval(self, env):
        return self.v
    def __str__(self):
        return str(self.v)
class Var(Expr):
    def __init__(self, n):
        self.n = n
    def eval(self, env):
        return env[self.n]
    def __str__(self):
        return self.n
class BinOp(Expr):
    OPS = {"+": lambda a, b: a + b, "*": lambda a, b: a * b, "-": lambda a, b: a - b}
    def __init__(self, op, l, r):
        self.op, self.l, self.r = op, l, r
    def eval(self, env):
        return BinOp.OPS[self.op](self.l.eval(env), self.r.eval(env))
    def __str__(self):
        return "(%s %s %s)" % (self.l, self.op, self.r)
e = BinOp("+", BinOp("*", Num(3), Var("x")), BinOp("-", Var("y"), Num(1)))
for env in ({"x": 2, "y": 10}, {"x": -1, "y": 0}):
    print(e, "=", e.eval(env), "with", env)
try:
    e.eval({"x": 1})
except KeyError as err:
    print("KeyError:", err)
