# reversed(): sequences, dicts, ranges, iterator behaviour.
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), "".join(reversed("abc")), list(reversed(range(5))))
print(list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1}.items())), list(reversed(b"xy")))
r = reversed([1, 2, 3])
print(next(r), list(r), list(r), type(r).__name__, type(reversed(range(3))).__name__)
for bad in (5, {1, 2}, iter([1]), (x for x in "a")):
    try:
        reversed(bad)
    except TypeError as e:
        print("TypeError:", e)
lst = [1, 2, 3]
rv = reversed(lst)
lst.append(4)
print(list(rv))
