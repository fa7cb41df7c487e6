# __bytes__, __str__ on subclasses, and bytes()/str() conversion rules.
class B:
    def __bytes__(self):
        return b"custom bytes"
print(bytes(B()))
class BadBytes:
    def __bytes__(self):
        return "str"
try:
    bytes(BadBytes())
except TypeError as e:
    print("TypeError:", e)
class Idx:
    def __index__(self):
        return 3
print(bytes(Idx()), bytearray(Idx()))
class S(str):
    def __str__(self):
        return "overridden"
s = S("orig")
print(str(s), s, "%s" % s, f"{s}", s + "!", s.upper())
class I(int):
    def __repr__(self):
        return "I()"
    def __str__(self):
        return "I-str"
print(I(5), repr(I(5)), f"{I(5)}", "%d %s %r" % (I(5), I(5), I(5)), [I(5)])
