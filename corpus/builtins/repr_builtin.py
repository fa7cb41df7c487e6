# repr() of builtin values, containers, and special objects.
vals = [0, -1, 10 ** 20, 1.0, 1e-10, 1e16, float("nan"), float("-inf"), 2j, -0j, "s", "it's", 'a"b', "a'b\"c",
        "\n\t\\", b"b'", bytearray(b"x"), [], [1, [2]], (), (1,), {}, {1: "a"}, set(), {1}, frozenset(), frozenset({2}),
        range(3), range(1, 9, 2), slice(1, None), None, True, ..., NotImplemented, int, type, len, [].append.__name__]
for v in vals:
    print(repr(v))
print(repr({"nested": [(1, "x"), {2}]}))
