# while loops with break, continue and else.
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
i = 0
while i < 10:
    i += 1
    if i % 3 == 0:
        continue
    if i == 8:
        break
    print("i", i)
else:
    print("no break")
j = 0
while j < 3:
    j += 1
else:
    print("else after normal exit, j =", j)
k = 0
while True:
    k += 1
    if k >= 5:
        break
print("k", k)
def first_divisor(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            return d
        d += 1
    return n
print([first_divisor(x) for x in (15, 49, 97, 1001)])
