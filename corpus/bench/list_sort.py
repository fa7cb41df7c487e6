# Benchmark: sorting lists of ints, strings and tuples, with and without keys. Size: list length.
import sys
def lcg(seed):
    while True:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        yield seed >> 33
n = int(sys.argv[1]) if len(sys.argv) > 1 else 130000
g = lcg(42)
ints = [next(g) % 1000000 for _ in range(n)]
strs = ["k%07d" % (v % 99991) for v in ints]
pairs = list(zip(ints, strs))
a = sorted(ints)
b = sorted(strs, reverse=True)
c = sorted(pairs, key=lambda p: (p[1], -p[0]))
d = sorted(ints, key=lambda v: v % 1000)
ints.sort()
check = sum(a[::97]) + sum(d[::89]) + len(set(b)) + c[0][0] + c[-1][0]
print(a[0], a[-1], b[0], b[-1], c[0], c[-1], d[:3], ints == a)
print("checksum", check)
