# list(): from every kind of iterable; copying; errors.
print(list(), list("abc"), list((1, 2)), list(range(3)), list({"a": 1, "b": 2}), list({"a": 1}.values()), list({3, 1, 2}))
print(list(b"ab"), list(bytearray(b"c")), list(x * 2 for x in range(3)), list(map(str, [1])), list(zip("ab", "cd")))
orig = [[1], [2]]
cp = list(orig)
cp.append([3])
cp[0].append(99)
print(orig, cp)
for bad in (5, None, 1.5):
    try:
        list(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    list([1], [2])
except TypeError as e:
    print("TypeError:", e)
print(list(iter([5, 6])), list(enumerate("x")), list(reversed("ab")))
