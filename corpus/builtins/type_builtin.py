# type(): one-argument form on many objects; three-argument class creation.
for v in (1, 1.0, 1j, True, None, "", b"", bytearray(), [], (), {}, set(), frozenset(), range(0), slice(1),
          len, print, type, object, Ellipsis, NotImplemented, iter([]), iter(()), iter(""), (x for x in []), {}.keys(), lambda: 0):
    print(type(v).__name__, end=" ")
print()
print(type(type), type(int), type(1) is int, type(True) is bool, type(None)())
class M(type):
    pass
class K(metaclass=M):
    pass
print(type(K).__name__, type(K()).__name__)
T = type("T", (K,), {"x": 1})
print(T.__name__, T.x, type(T).__name__, T.__mro__)
for bad in ((), (1, 2), ("X", 1, {}), ("X", (), [])):
    try:
        type(*bad)
    except TypeError as e:
        print("TypeError:", e)
