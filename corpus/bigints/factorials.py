# Big factorials, digit sums and trailing zeros.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
for n in (0, 1, 5, 20, 21, 25, 50, 100):
    print(n, fact(n))
f = fact(300)
s = str(f)
print(len(s), sum(int(c) for c in s), len(s) - len(s.rstrip("0")))
print(f % 1000000007, f.bit_length())
print(fact(30) // fact(28), fact(40) // (fact(20) * fact(20)))
