# Chained comparisons evaluate each operand once and short-circuit.
calls = []
def v(x):
    calls.append(x)
    return x

print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1)
print(1 < v(2) < 3, calls)
calls.clear()
print(v(5) < v(1) < v(9), calls)
calls.clear()
print(v(1) < v(5) < v(9) < v(20), calls)
x = 5
print(0 <= x <= 10, 0 <= x < 5, x == 5 == 5.0)
n = None
print(1 == 1.0 == True, n is None is not False)
print("a" < "b" < "c" < "d", "b" < "a" < "c")
print([1, 2] < [1, 3] <= [1, 3], (1, 2) == (1, 2) != (2, 1))
print(1 in [1, 2] in [[1, 2]], 3 not in [1] not in [[3]])
a = b = c = 4
print(a == b == c, a is b is c, a < b < c)
def rng(lo, hi):
    return [i for i in range(20) if lo < i * i < hi]
print(rng(10, 100))
print(2 < 3 > 1 < 4 > 0)
print(not 1 < 2 < 3)
