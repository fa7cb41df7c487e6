# Methods closing over enclosing-function variables and the __class__ cell.
def make_class(greeting):
    class Greeter:
        def greet(self, name):
            return greeting + ", " + name
        def cls_name(self):
            return __class__.__name__
    return Greeter
G1 = make_class("Hi")
G2 = make_class("Hola")
print(G1().greet("A"), G2().greet("B"), G1 is not G2, G1().cls_name())
def factory():
    items = []
    class Registry:
        @classmethod
        def add(cls, x):
            items.append(x)
            return len(items)
    return Registry, items
R, items = factory()
R.add(1); R.add("two")
print(items)
class Outer:
    base = 10
    def method(self):
        base = 5
        def inner():
            return base
        return inner()
print(Outer().method())
