# StopIteration values, next() defaults, and iterators raising other errors.
it = iter([1])
print(next(it), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args, e.value)
def g():
    yield 1
    return "result"
gen = g()
next(gen)
try:
    next(gen)
except StopIteration as e:
    print("return value:", e.value, e.args)
class Broken:
    def __iter__(self):
        return self
    def __next__(self):
        raise ValueError("broken iterator")
try:
    for x in Broken():
        pass
except ValueError as e:
    print("ValueError:", e)
try:
    next(5)
except TypeError as e:
    print("TypeError:", e)
