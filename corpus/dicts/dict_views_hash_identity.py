# dict_values compare and hash by identity; keys and items views are set-like and
# unhashable.
d = {"a": 1, "b": 2}
v = d.values()
print(v == v, v == d.values(), v != d.values(), type(hash(v)).__name__)
print(hash(v) == hash(v))
print({v: "ok"}[v])
for view in (d.keys(), d.items()):
    try:
        hash(view)
    except TypeError as e:
        print("TypeError", e)
print(d.keys() == {"a", "b"}, d.items() == {("a", 1), ("b", 2)})
print(d.keys() & {"a", "z"}, d.items() | {("c", 3)} == {("a", 1), ("b", 2), ("c", 3)})
try:
    d.values() & {1}
except TypeError as e:
    print("TypeError", e)
