# slice objects: attributes, indices(), use with __getitem__.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, None, -1))
for length in (0, 5, 20):
    print(length, s.indices(length), slice(None, None, -1).indices(length), slice(-3, None).indices(length))
print("abcdefghijkl"[s], list(range(12))[slice(None, None, 3)], (1, 2, 3)[slice(-2, None)])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2, None) == slice(1, 2))
try:
    slice(0, 5, 0).indices(10)
except ValueError as e:
    print("ValueError:", e)
try:
    "abc"[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    "abc"["a":]
except TypeError as e:
    print("TypeError:", e)
class Idx:
    def __index__(self):
        return 2
print("abcdef"[Idx():], [1, 2, 3, 4][Idx()], "abcdef"[slice(Idx(), None, Idx())])
try:
    hash(slice(1, 2))
    print("slice hashable")
except TypeError as e:
    print("TypeError:", e)
