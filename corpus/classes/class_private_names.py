# Name mangling of __private attributes and methods.
class A:
    def __init__(self):
        self.__secret = "A secret"
        self._protected = "visible"
    def __hidden(self):
        return "A hidden"
    def reveal(self):
        return self.__secret, self.__hidden()
class B(A):
    def __init__(self):
        super().__init__()
        self.__secret = "B secret"
    def reveal_b(self):
        return self.__secret
b = B()
print(b.reveal(), b.reveal_b())
print(sorted(vars(b)))
print(b._A__secret, b._B__secret, b._A__hidden())
try:
    b.__secret
except AttributeError as e:
    print("AttributeError:", e)
class C:
    __slots__ = ("__x",)
    def __init__(self):
        self.__x = 1
print(C.__slots__, hasattr(C, "_C__x"))
class _Under:
    def __m(self):
        return "mangled without leading underscore"
print(_Under()._Under__m())
