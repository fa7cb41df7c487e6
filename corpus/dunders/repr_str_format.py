# __repr__, __str__ and __format__ and where each is used.
class Both:
    def __repr__(self):
        return "Both(repr)"
    def __str__(self):
        return "Both(str)"
    def __format__(self, spec):
        return "Both(format %r)" % spec
b = Both()
print(b, str(b), repr(b), [b], (b,), {"k": b}, "%s %r" % (b, b))
print(f"{b} {b!r} {b!s} {b:xyz}", "{} {!r} {:abc}".format(b, b, b), format(b, "q"))
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
print(OnlyRepr(), str(OnlyRepr()), f"{OnlyRepr()}")
class OnlyStr:
    def __str__(self):
        return "OnlyStr-str"
print(OnlyStr(), [str(OnlyStr())])
class BadRepr:
    def __repr__(self):
        return 1
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class Nested:
    def __init__(self, kids):
        self.kids = kids
    def __repr__(self):
        return "N%r" % (self.kids,)
print(Nested([Nested([]), Nested([Nested([])])]))
