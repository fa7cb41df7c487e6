# __setattr__ and __delattr__ hooks, frozen objects.
class Recorder:
    def __init__(self):
        self.log = []
    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(("set", name, value))
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        object.__delattr__(self, name)
r = Recorder()
r.a = 1
r.a += 1
setattr(r, "b", "x")
del r.a
delattr(r, "b")
print(r.log, r.__dict__.keys() - {"log"})
class Frozen:
    def __init__(self, **kw):
        for k, v in kw.items():
            object.__setattr__(self, k, v)
    def __setattr__(self, name, value):
        raise AttributeError("cannot set %r: frozen" % name)
    def __delattr__(self, name):
        raise AttributeError("cannot delete %r: frozen" % name)
fz = Frozen(x=1)
print(fz.x)
for op in (lambda: setattr(fz, "x", 2), lambda: delattr(fz, "x")):
    try:
        op()
    except AttributeError as e:
        print("AttributeError:", e)
