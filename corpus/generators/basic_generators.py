# Generator functions: lazy evaluation, state, exhaustion.
def count_up(n):
    print("start")
    i = 0
    while i < n:
        print("yielding", i)
        yield i
        i += 1
    print("end")
g = count_up(3)
print(type(g).__name__)
print(next(g))
print(list(g))
print(list(g))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def squares(xs):
    for x in xs:
        yield x * x
print(sum(squares(range(10))), max(squares([-5, 3])))
def empty():
    return
    yield
print(list(empty()))
def gen_in_cond(flag):
    if flag:
        yield "only when flag"
print(list(gen_in_cond(True)), list(gen_in_cond(False)))
