# isinstance(): builtin types, tuples of types, subclasses, unions, abstract-free.
print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)), isinstance("s", (bytes, (list, str))))
print(isinstance(None, type(None)), isinstance(int, type), isinstance(type, type), isinstance(type, object), isinstance(object, type))
class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(B, type), isinstance(B, A))
print(isinstance(1, int | str), isinstance("x", int | None), isinstance(None, int | None))
print(isinstance([], list), isinstance([], tuple), isinstance({}, dict), isinstance(range(1), range))
print(isinstance(len, type(print)), isinstance(lambda: 0, type(isinstance)))
for bad in ((1, 1), (1, [int]), (1, (int, 1))):
    try:
        print(isinstance(*bad))
    except TypeError as e:
        print("TypeError:", e)
