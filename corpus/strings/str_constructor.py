# str() on many object types and from bytes with encoding.
class WithStr:
    def __str__(self):
        return "custom str"
class WithRepr:
    def __repr__(self):
        return "custom repr"
print(str(), str(1), str(-1.5), str(1j), str(None), str(True), str([1, "a"]), str((1,)), str({"k": (1, 2)}))
print(str(WithStr()), str(WithRepr()), str([WithRepr()]), str(b"x"), str(b"x", "ascii"), str(bytearray(b"y"), "utf-8"))
print(str(b"\xe9t\xe9", "latin-1"), str(b"\xff", "utf-8", "replace"), str(object=7))
class BadStr:
    def __str__(self):
        return 42
try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)
try:
    str(1, "utf-8")
except TypeError as e:
    print("TypeError:", e)
class S(str):
    pass
x = S("sub")
print(type(str(x)).__name__, type(x + "y").__name__, x.upper(), type(x.upper()).__name__, x == "sub")
print(str(range(3)), str(slice(1, 2)), str(Ellipsis), str(NotImplemented), str(int), str(str))
