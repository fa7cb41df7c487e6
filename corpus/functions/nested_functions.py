# Nested function definitions, redefinition and functions defined in loops.
def outer():
    def helper(x):
        return x + 1
    def helper2(x):
        return helper(x) * 2
    return helper2(10)
print(outer())
fns = []
for i in range(3):
    def f(i=i):
        return i * 10
    fns.append(f)
print([fn() for fn in fns])
def redefine():
    def v():
        return 1
    a = v()
    def v():
        return 2
    return a, v()
print(redefine())
def conditional(flag):
    if flag:
        def impl():
            return "A"
    else:
        def impl():
            return "B"
    return impl()
print(conditional(True), conditional(False))
def counter_factory():
    def count(n):
        return 0 if n == 0 else 1 + count(n - 1)
    return count
print(counter_factory()(50))
