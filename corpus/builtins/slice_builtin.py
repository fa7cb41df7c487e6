# slice(): one to three arguments, attributes, indices, use in subscripts.
print(slice(5), slice(1, 5), slice(1, 5, 2), slice(None, None, -1), slice("a", "b"))
s = slice(2, 10, 3)
print(s.start, s.stop, s.step, s.indices(8), s.indices(100), "abcdefghijkl"[s], list(range(20))[s])
print(slice(-3, None).indices(10), slice(None, None, -2).indices(5), slice(100, -100, -1).indices(10))
print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 3), slice(1, 2) < slice(1, 3))
try:
    slice()
except TypeError as e:
    print("TypeError:", e)
try:
    slice(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    slice(0, 1, 0).indices(3)
except ValueError as e:
    print("ValueError:", e)
try:
    slice(1).indices(-1)
except ValueError as e:
    print("ValueError:", e)
print((1, 2, 3, 4)[slice(None, None, 2)], b"abcdef"[slice(1, -1)])
