# Decorators keeping state: call counting, caching, rate limiting by count.
def counted(f):
    def w(*a):
        w.calls += 1
        return f(*a)
    w.calls = 0
    return w
@counted
def sq(x):
    return x * x
for i in range(5):
    sq(i)
print(sq.calls)
def cache(f):
    memo = {}
    hits = [0]
    def w(*a):
        if a in memo:
            hits[0] += 1
        else:
            memo[a] = f(*a)
        return memo[a]
    w.hits = hits
    return w
@cache
def slow_add(a, b):
    return a + b
print([slow_add(i % 3, 1) for i in range(9)], slow_add.hits[0])
def limit(n):
    def deco(f):
        left = [n]
        def w(*a):
            if left[0] <= 0:
                return "limited"
            left[0] -= 1
            return f(*a)
        return w
    return deco
@limit(2)
def hello():
    return "hello"
print([hello() for _ in range(4)])
