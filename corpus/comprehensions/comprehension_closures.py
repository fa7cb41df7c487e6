# Comprehensions referencing enclosing function variables and nonlocal state.
def make_multipliers(factors):
    return [lambda x, f=f: x * f for f in factors]
print([m(10) for m in make_multipliers([1, 2, 3])])
def outer():
    base = 100
    inner = [base + i for i in range(3)]
    gen = (base * i for i in range(3))
    base = 1000
    return inner, list(gen)
print(outer())
def counter():
    count = 0
    def bump(x):
        nonlocal count
        count += 1
        return x
    vals = [bump(i) for i in range(5) if i % 2]
    return vals, count
print(counter())
def nested_free():
    k = 3
    return [[k * i * j for j in range(2)] for i in range(3)]
print(nested_free())
