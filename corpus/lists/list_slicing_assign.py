# Slice assignment and deletion, including extended slices.
a = list(range(10))
a[2:5] = ["a", "b"]
print(a)
a[:0] = [-1, -2]
print(a)
a[len(a):] = [100]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
del a[1::3]
print(a)
a[1:3] = "xyz"
print(a)
a[5:2] = [7]
print(a)
a[:] = []
print(a)
b = [1, 2, 3, 4]
b[::-1] = ["a", "b", "c", "d"]
print(b)
c = [1, 2, 3]
c[1:2] = c
print(c)
try:
    c[0:1] = 5
except TypeError as e:
    print("TypeError:", e)
