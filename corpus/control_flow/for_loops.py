# for loops over many iterables, with else, break, continue and target forms.
for ch in "ab":
    print("char", ch)
for i, v in enumerate([10, 20]):
    print("enum", i, v)
for k, v in {"x": 1, "y": 2}.items():
    print("item", k, v)
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print("nested", a, b, c)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print("prime", n)
for x in []:
    print("never")
else:
    print("empty loop else")
d = {}
for d["key"] in range(3):
    pass
print(d)
lst = [0, 0, 0]
for i, lst[i] in enumerate("abc"):
    pass
print(lst)
for i in range(3):
    pass
print("loop var after", i)
for _ in range(2):
    for _ in range(2):
        continue
print("done")
