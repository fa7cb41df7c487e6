# __index__ makes user objects usable in slices, range and bin/hex.
class N:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
print(list(range(N(3))), list(range(N(1), N(10), N(4))), "abcdef"[N(1):N(4)], [0, 1, 2][N(-1)])
print(bin(N(5)), hex(N(255)), oct(N(8)), "x" * N(3), [1] * N(2))
print(range(10)[N(2):N(8):N(3)], slice(N(1), N(2)).indices(5))
class Bad:
    def __index__(self):
        return "no"
try:
    "abc"[Bad()]
except TypeError as e:
    print("TypeError:", e)
class Float:
    def __float__(self):
        return 1.0
try:
    "abc"[Float()]
except TypeError as e:
    print("TypeError:", e)
