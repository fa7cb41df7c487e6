# del with slices and indices on lists and bytearrays.
a = list(range(20))
del a[::4]
print(a)
del a[-3:]
print(a)
del a[2:10:3]
print(a)
del a[:]
print(a)
b = bytearray(b"abcdefghij")
del b[1::2]
print(b)
del b[0], 
print(b)
c = list(range(10))
del c[5:2]
print(c)
del c[::-3]
print(c)
try:
    del c[100]
except IndexError as e:
    print("IndexError:", e)
del c[100:]
print(c)
