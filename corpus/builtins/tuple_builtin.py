# tuple(): from iterables; identity of tuple(tuple).
print(tuple(), tuple("ab"), tuple([1, 2]), tuple(range(3)), tuple({"k": 0}), tuple(x for x in "xy"), tuple(b"\x01"))
t = (1, 2)
print(tuple(t) is t, tuple(list(t)) == t)
for bad in (1, None):
    try:
        tuple(bad)
    except TypeError as e:
        print("TypeError:", e)
print(tuple(zip((1, 2), (3, 4))), tuple(map(abs, (-1, -2))), tuple(sorted((3, 1, 2))))
