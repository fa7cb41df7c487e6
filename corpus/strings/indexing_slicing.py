# Indexing and slicing strings, including non-ASCII and out-of-range.
s = "Hello, wörld ✓ 😀!"
print(len(s), s[0], s[-1], s[7:12], s[-3], s[-2:], s[::3], s[::-1])
for i in (0, 5, 12, 13, 15, -1, -16):
    print(i, repr(s[i]), ord(s[i]))
try:
    s[100]
except IndexError as e:
    print("IndexError:", e)
try:
    s["x"]
except TypeError as e:
    print("TypeError:", e)
try:
    s[0] = "h"
except TypeError as e:
    print("TypeError:", e)
print(repr(s[100:]), repr(s[5:2]), s[-100:3], s[1:100:4])
print(s[slice(2, 9, 2)], s[slice(None, None, -2)])
