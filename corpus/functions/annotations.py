# Annotations are stored, not enforced.
def f(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    return a
print(f.__annotations__)
print(f("not an int"))
def g(x) -> None:
    pass
print(g.__annotations__)
class C:
    attr: int = 5
    other: str
    def m(self, v: "C") -> "C":
        return self
print(C.__annotations__, C.attr, hasattr(C, "other"))
x: int = 10
y: list
print(__annotations__, x, "y" in dir())
def h():
    local: int = 5
    unassigned: str
    return local
print(h(), h.__annotations__)
