# hash(): ints, floats, strs, bytes, tuples, frozensets, None-free determinism under PYTHONHASHSEED=0.
for v in (0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, 10 ** 20, 1.0, 1.5, -0.5, 1e100, float("inf"), True, False,
          "", "a", "abc", "héllo", "😀", b"", b"abc", (), (1, 2), ("a", (1.5,)), frozenset(), frozenset({1, 2, 3}), 3 + 4j):
    print(repr(v), hash(v))
print(hash(1) == hash(1.0) == hash(True), hash("abc") == hash("ab" + "c"), hash(b"abc") == hash(b"abc"))
for bad in ([], {}, set(), bytearray()):
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError:", e)
class H:
    def __hash__(self):
        return 12345
print(hash(H()))
print(hash(None) == hash(None), type(hash(object())).__name__)
