# Recursive algorithms with memoisation via dicts and default arguments.
def fib(n, memo={0: 0, 1: 1}):
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print(fib(300))
def partitions(n, k=None, cache={}):
    if k is None:
        k = n
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    key = (n, k)
    if key not in cache:
        cache[key] = partitions(n - k, k) + partitions(n, k - 1)
    return cache[key]
print([partitions(n) for n in range(15)], partitions(100))
def lcs(a, b):
    memo = {}
    def go(i, j):
        if i == len(a) or j == len(b):
            return ""
        if (i, j) not in memo:
            if a[i] == b[j]:
                memo[i, j] = a[i] + go(i + 1, j + 1)
            else:
                x, y = go(i + 1, j), go(i, j + 1)
                memo[i, j] = x if len(x) >= len(y) else y
        return memo[i, j]
    return go(0, 0)
print(lcs("AGGTABQWERTY", "GXTXAYBWRT"))
