# A sorted-list container implementing the sequence protocol fully.
class SortedList:
    def __init__(self, items=()):
        self._d = sorted(items)
    def add(self, x):
        lo, hi = 0, len(self._d)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._d[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        self._d.insert(lo, x)
    def __len__(self):
        return len(self._d)
    def __getitem__(self, i):
        r = self._d[i]
        return SortedList(r) if isinstance(i, slice) else r
    def __delitem__(self, i):
        del self._d[i]
    def __iter__(self):
        return iter(self._d)
    def __reversed__(self):
        print("__reversed__")
        return reversed(self._d)
    def __contains__(self, x):
        return x in self._d
    def __repr__(self):
        return "SortedList(%r)" % self._d
    def __eq__(self, o):
        return isinstance(o, SortedList) and self._d == o._d
s = SortedList([5, 1, 4])
for x in (3, 0, 9, 4):
    s.add(x)
print(s, len(s), s[0], s[-1], s[1:4], 4 in s, 2 in s, list(reversed(s)))
del s[0]
print(s, s == SortedList([9, 5, 4, 4, 3, 1]), s != s, bool(SortedList()))
