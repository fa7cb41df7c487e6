# Composing generators into a lazy processing pipeline.
def numbers():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    for _ in range(n):
        yield next(it)
def evens(it):
    return (x for x in it if x % 2 == 0)
def squared(it):
    for x in it:
        yield x * x
def running_sum(it):
    total = 0
    for x in it:
        total += x
        yield total
print(list(take(8, running_sum(squared(evens(numbers()))))))
log = []
def traced(name, it):
    for x in it:
        log.append((name, x))
        yield x
p = traced("outer", (x + 1 for x in traced("inner", iter([10, 20, 30]))))
print(next(p), log)
print(list(p), log)
def window(it, n):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)
print(list(window(range(6), 3)))
