# Assignment expressions (:=) in various positions.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
total = 0
i = 0
while (i := i + 1) <= 4:
    total += i
print(total, i)
print([y for x in data if (y := x * 2) > 6])
print(y)
vals = [(k := k2) for k2 in range(3)] if True else None
print(vals, k)
def f():
    print((a := 10), a + 1)
    return a
print(f())
chunks = []
src = iter(range(10))
while (chunk := [v for _, v in zip(range(3), src)]):
    chunks.append(chunk)
print(chunks)
print((z := 5) * (z := z + 1), z)
print(any((w := x) > 5 for x in data), w)
