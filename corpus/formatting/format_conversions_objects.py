# !r/!s/!a conversions and format() of builtin containers and types.
vals = ["tab\t", "é", 1.0, 1e16, [1, "a"], (None,), {"k": b"v"}, {1}, frozenset(), range(2), 2j, type, ...]
for v in vals:
    print(f"{v!s}|{v!r}|{v!a}")
print(format(type), format(int, ""), "{!r:^20}".format(str))
print("%s|%r" % (frozenset({"é"}), frozenset({"é"})))
print(repr(repr("x")), str(repr(1.5)), ascii([chr(0x100), "\x00"]))
