# The implicit __class__ cell used by super() and referenced explicitly.
class A:
    def who(self):
        return __class__.__name__
    def sup(self):
        return super().__class__.__name__
class B(A):
    def who(self):
        return __class__.__name__ + "<" + super().who()
print(A().who(), B().who(), B().sup())
class C:
    def get_class(self):
        return __class__
print(C().get_class() is C)
def plain():
    try:
        return __class__
    except NameError as e:
        return "NameError: " + str(e)
print(plain())
class Meta(type):
    def __new__(mcls, name, bases, ns):
        print("__classcell__ in ns:", "__classcell__" in ns)
        return super().__new__(mcls, name, bases, ns)
class D(metaclass=Meta):
    def m(self):
        return __class__
class E(metaclass=Meta):
    def m(self):
        return 1
print(D().m() is D)
