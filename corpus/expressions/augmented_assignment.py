# Augmented assignment on names, attributes, subscripts; in-place vs rebinding.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 4; print(x)
x **= 10; print(x)
x >>= 3; print(x)
x <<= 2; print(x)
x &= 0xF0; print(x)
x |= 0x0F; print(x)
x ^= 0xFF; print(x)
x /= 4; print(x)
a = [1, 2]
b = a
a += [3]
print(a, b, a is b)
t = (1, 2)
u = t
t += (3,)
print(t, u, t is u)
s = "ab"
s *= 3
print(s)
class Box:
    def __init__(self):
        self.v = 1
box = Box()
box.v += 41
print(box.v)
d = {"n": [1]}
d["n"] += [2]
d["n"][0] -= 10
print(d)
m = [[0] * 2 for _ in range(2)]
m[1][0] += 7
print(m)
