# Iterating ranges forwards, backwards and with enumerate/zip.
print(list(range(10, 0, -1)), list(range(-3, 3)), list(range(0, -10, -3)))
total = 0
for i in range(1, 101):
    total += i * i
print(total)
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "end"))
print(list(zip(range(3), range(10, 13))), list(enumerate(range(5, 8))))
print([i for i in range(20) if i % 3 == 0][::-1])
r = range(5)
print(list(r), list(r), r.count(3), list(map(lambda x: x * 2, r)))
print(sum(range(0, 1000, 3)) + sum(range(0, 1000, 5)) - sum(range(0, 1000, 15)))
