# Closures as stateful objects: running average, memoize, once.
def averager():
    total, count = 0, 0
    def add(x):
        nonlocal total, count
        total += x
        count += 1
        return total / count
    return add
avg = averager()
print([avg(x) for x in (10, 20, 30, 45)])
def memoize(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
def once(f):
    done = False
    result = None
    def w(*a):
        nonlocal done, result
        if not done:
            result = f(*a)
            done = True
        return result
    return w
init = once(lambda x: print("init", x) or x * 2)
print(init(3), init(4))
