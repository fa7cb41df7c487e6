# object.__new__/__init__ argument checking depends on which is overridden.
class NoOverride:
    pass
try:
    NoOverride(1)
except TypeError as e:
    print("TypeError:", e)
class InitOnly:
    def __init__(self, a):
        self.a = a
print(InitOnly(1).a)
class NewOnly:
    def __new__(cls, a):
        o = super().__new__(cls)
        o.a = a
        return o
print(NewOnly(2).a)
class Both:
    def __new__(cls, *a):
        return super().__new__(cls)
    def __init__(self, *a):
        self.a = a
print(Both(1, 2).a)
try:
    object.__init__(NoOverride(), 1)
except TypeError as e:
    print("TypeError:", e)
class BadNew:
    def __new__(cls, x):
        return object.__new__(cls, x)
try:
    BadNew(1)
except TypeError as e:
    print("TypeError:", e)
