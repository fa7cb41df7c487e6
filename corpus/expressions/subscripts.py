# Subscript and slice expressions, including negative and extended slices.
s = "abcdefghij"
l = list(range(10))
t = tuple(l)
print(s[0], s[-1], s[3:7], s[:3], s[7:], s[::2], s[::-1], s[-3:], s[:-3])
print(l[1:8:3], l[8:1:-3], l[::-2], l[100:], l[-100:2])
print(t[2:5], t[5:2], t[5:2:-1])
m = [[1, 2, 3], [4, 5, 6]]
print(m[1][2], m[-1][-1], m[0][1:])
d = {(1, 2): "tuple key", 3: "int key"}
print(d[1, 2], d[(1, 2)], d[3])
class Show:
    def __getitem__(self, key):
        return key
sh = Show()
print(sh[1], sh[1:2], sh[1:2:3], sh[::], sh[1, 2], sh[1:2, ::3], sh[...], sh[:, None])
l2 = l[:]
l2[2:5] = ["x"]
print(l2)
l2[::3] = [0] * len(l2[::3])
print(l2)
del l2[1::2]
print(l2)
print("hello"[1:-1][::-1])
