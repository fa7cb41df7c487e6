# Generators closing over outer variables, and closures created in generators.
def make_gen(limit):
    step = 2
    def gen():
        i = 0
        while i < limit:
            yield i
            i += step
    return gen
g = make_gen(9)
print(list(g()), list(g()))
def gen_of_closures():
    for i in range(3):
        yield lambda: i
print([f() for f in gen_of_closures()])
print([f() for f in list(gen_of_closures())])
def counter_gen():
    total = 0
    def add(n):
        nonlocal total
        total += n
    for x in range(5):
        add(x)
        yield total
print(list(counter_gen()))
