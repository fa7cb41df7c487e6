# + and * on sequences, and their error messages.
print([1, 2] + [3], (1,) + (2, 3), "ab" + "cd", b"x" + b"y", bytearray(b"a") + b"b")
print([0] * 3, 3 * [0], "-" * 5, (1, 2) * 2, b"ab" * 2, [1] * 0, [1] * -3, "x" * False)
nested = [[]] * 3
nested[0].append(1)
print(nested)
ops = [
    lambda: [1] + (2,),
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: [1] * 2.0,
    lambda: "x" * "y",
    lambda: (1,) + [2],
    lambda: b"a" + "b",
    lambda: [] - [],
    lambda: {1} + {2},
    lambda: {} + {},
    lambda: -"x",
    lambda: ~1.5,
    lambda: None + 1,
]
for op in ops:
    try:
        op()
    except TypeError as e:
        print("TypeError:", e)
try:
    "x" * (10 ** 30)
except OverflowError as e:
    print("OverflowError:", e)
