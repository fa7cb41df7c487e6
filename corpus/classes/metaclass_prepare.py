# __prepare__ supplies the class namespace; recording definition order.
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name)
        return {"injected": "from prepare"}
    def __new__(mcls, name, bases, ns, **kw):
        ns["order"] = [k for k in ns if not k.startswith("__")]
        return super().__new__(mcls, name, bases, ns)
class Form(metaclass=OrderedMeta):
    zeta = 1
    alpha = 2
    def mid(self):
        pass
    beta = injected
print(Form.order, Form.beta)
class LogDict(dict):
    def __setitem__(self, k, v):
        print("ns set", k)
        super().__setitem__(k, v)
class LogMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return LogDict()
class L(metaclass=LogMeta):
    a = 1
    def f(self):
        return 2
print(L.a, L().f())
