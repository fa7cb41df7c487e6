# len() of builtin containers and user classes.
print(len(""), len("héllo"), len("😀"), len(b"\x00\x01"), len([1, [2, 3]]), len((1,)), len({}), len({1: 2, 3: 4}))
print(len(set("aab")), len(frozenset()), len(range(10)), len(range(0, 100, 7)), len(range(5, 0)), len(bytearray(3)))
print(len({1: 1}.keys()), len({1: 1}.items()), len(memoryview(b"abc")), len(" " * 1000))
class L:
    def __len__(self):
        return 42
print(len(L()))
for bad in (5, 1.0, None, iter([]), (x for x in []), print):
    try:
        len(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    len()
except TypeError as e:
    print("TypeError:", e)
try:
    len([], [])
except TypeError as e:
    print("TypeError:", e)
