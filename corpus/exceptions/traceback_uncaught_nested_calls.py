# A deep-ish call chain ending in an uncaught ZeroDivisionError inside a lambda and comprehension.
# expect-exit: 1
def a(xs):
    return b(xs)
def b(xs):
    return [c(x) for x in xs]
c = lambda x: 10 // x
print(a([1, 2, 5]))
a([3, 0])
