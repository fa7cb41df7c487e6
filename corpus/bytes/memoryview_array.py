# memoryview over array.array: the item format, typed reads and writes, slice
# assignment between views, and comparisons of bytes with other buffers.
import array

for code in "bBhHiIlLqQfdu":
    init = "ab" if code == "u" else [1, 2]
    m = memoryview(array.array(code, init))
    print(code, m.format, m.itemsize, m.nbytes, m.shape, m.strides, m.readonly, m.tobytes())
    if code != "u":
        print(m.tolist(), m == m, m.cast("B") == m.tobytes())
mu = memoryview(array.array("u", "ab"))
for f in (lambda: mu[0], lambda: mu.tolist(), lambda: mu.__setitem__(0, "x"), lambda: hash(memoryview(b"ab").cast("h"))):
    try:
        f()
    except (NotImplementedError, ValueError) as e:
        print(type(e).__name__, e)
print(mu == mu, mu != mu, hash(memoryview(b"ab")) == hash(b"ab"))

a = array.array("i", [1, 2, 3, 4])
m = memoryview(a)
print(list(m), list(m[1:-1]), m[::2].tolist(), m[-1])
m[2] = 60
m[-1] = -7
print(a, m.tobytes())

for code, bad in (("b", 200), ("B", -1), ("h", 1 << 15), ("I", -1), ("i", 2**40), ("Q", 2**64)):
    mv = memoryview(array.array(code, [0]))
    try:
        mv[0] = bad
    except ValueError as e:
        print(code, "ValueError", e)
for code, bad in (("i", 1.5), ("d", "x"), ("B", "a")):
    mv = memoryview(array.array(code, [0]))
    try:
        mv[0] = bad
    except TypeError as e:
        print(code, "TypeError", e)

d = memoryview(array.array("d", [1.0, 2.0]))
d[0] = 5
d[1] = True
print(d.tolist())

a1 = array.array("i", [0] * 5)
a2 = array.array("i", [3, 4, 5, 6, 7])
m1, m2 = memoryview(a1), memoryview(a2)
m1[1:3] = m2[2:4]
print(a1)
for rhs in (b"12345678", memoryview(bytearray(8)), m2[0:3]):
    try:
        m1[0:2] = rhs
    except ValueError as e:
        print("ValueError", e)
del rhs
u = array.array("I", range(6))
mu = memoryview(u)
mu[1:] = mu[:-1]
print(u)

print(list(memoryview(array.array("h", [0x7F00, -0x8000]))))
print(list(memoryview(array.array("H", [0x7F00, 0x8000, 0xFFFF]))))

ab = array.array("b", b"abc")
print(ab == b"abc", b"abc" == ab, ab != b"abc", bytes(ab) == b"abc")
print(bytearray(b"abc") == ab, ab == bytearray(b"abc"))
print(b"a" == bytearray(b"a"), bytearray(b"a") == b"a", b"a" < bytearray(b"b"))
print(b"a" == memoryview(b"a"), memoryview(b"a") == b"a")
