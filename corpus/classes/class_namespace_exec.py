# The class body is executed like code: loops, conditionals, and locals.
class Config:
    debug = False
    levels = []
    for i in range(3):
        levels.append("level%d" % i)
    if debug:
        mode = "debug"
    else:
        mode = "release"
    del i
    names = [n.upper() for n in levels]
    total = len(levels)
print(Config.levels, Config.mode, Config.names, Config.total, hasattr(Config, "i"))
class Order:
    print("class body runs at definition time")
    a = 1
    b = a + 1
    def m(self):
        return self.b
print(Order().m())
x = "global"
class Scope:
    x = "class"
    y = x
    z = [x for _ in range(1)]
print(Scope.y, Scope.z)
