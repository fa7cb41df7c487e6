# issubclass(): class hierarchies, builtin types, tuples, errors.
class A: pass
class B(A): pass
class C(B): pass
class D: pass
print(issubclass(C, A), issubclass(A, C), issubclass(A, A), issubclass(C, (D, B)), issubclass(D, object))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object), issubclass(type, object), issubclass(object, type))
print(issubclass(KeyError, LookupError), issubclass(KeyError, IndexError), issubclass(StopIteration, Exception))
print(issubclass(bool, int | str), issubclass(list, ()))
for bad in ((1, int), (A(), A), (int, 1)):
    try:
        issubclass(*bad)
    except TypeError as e:
        print("TypeError:", e)
