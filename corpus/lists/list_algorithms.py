# Classic list algorithms: binary search, merge, rotate, dedupe, flatten, chunk.
def bsearch(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo
a = [1, 3, 3, 5, 8, 13, 21]
print([bsearch(a, x) for x in (0, 1, 3, 4, 21, 22)])
def merge(x, y):
    out, i, j = [], 0, 0
    while i < len(x) and j < len(y):
        if x[i] <= y[j]:
            out.append(x[i]); i += 1
        else:
            out.append(y[j]); j += 1
    return out + x[i:] + y[j:]
print(merge([1, 4, 9], [2, 3, 10, 11]))
def rotate(lst, k):
    k %= len(lst)
    return lst[-k:] + lst[:-k]
print(rotate(list(range(7)), 3), rotate(list(range(7)), -2))
def dedupe(seq):
    seen, out = set(), []
    for x in seq:
        if x not in seen:
            seen.add(x); out.append(x)
    return out
print(dedupe([3, 1, 3, 2, 1, 5]))
def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4, []]], 5], [[6]]])))
print([a[i:i + 3] for i in range(0, len(a), 3)])
print(list(zip(*[[1, 2, 3], [4, 5, 6]])))
