# callable() on functions, classes, instances, methods and non-callables.
class WithCall:
    def __call__(self):
        pass
class Without:
    pass
def f():
    pass
items = [f, lambda: 0, len, print, int, type, WithCall, WithCall(), Without, Without(), [].append, "".upper,
         5, "s", None, [], staticmethod(f), classmethod(f), f.__call__, (x for x in []), iter([])]
print([callable(i) for i in items])
w = Without()
w.__call__ = lambda: 1
print(callable(w))
try:
    callable()
except TypeError as e:
    print("TypeError:", e)
