# Starred expressions in displays and calls.
a = [1, 2]
b = (3, 4)
print([*a, *b, 5])
print((*a, *b))
print({*a, *b, 1})
print({**{"x": 1}, "y": 2, **{"x": 3}})
print(*a, *b, sep="-")
print(*"abc")
def f(*args, **kwargs):
    return args, sorted(kwargs.items())
print(f(*a, 0, *b, k=1, **{"m": 2}))
print([*range(3), *"xy", *{"k": 0}])
first, *rest = [*a, *b]
print(first, rest)
*init, last = "hello"
print(init, last)
print(*[], "empty star ok")
d1 = {"a": 1}
d2 = {"b": 2}
print(dict(**d1, **d2))
try:
    dict(**d1, **{"a": 9})
except TypeError as e:
    print("TypeError", e)
print(len([*range(100)]), max(*a, *b))
