# A broad tour of set methods.
s = {1, 2, 3}
s.add(4)
s.add(1)
s.discard(10)
s.remove(2)
print(s, len(s), 3 in s)
t = {3, 4, 5}
print(s.union(t), s.intersection(t), s.difference(t), s.symmetric_difference(t))
print(s | t, s & t, s - t, s ^ t, s.union([9], "a") == s | {9, "a"})
print(s.issubset({1, 3, 4, 5}), s.issuperset({1}), s.isdisjoint({7}), s <= s, s < s, s >= {1, 3})
u = s.copy()
u.update([7, 8], (9,))
print(u)
u.intersection_update({7, 8, 9, 1})
print(u)
u.difference_update({7})
print(u)
u.symmetric_difference_update({1, 100})
print(u)
u |= {0}
u &= {0, 8, 9}
u -= {9}
u ^= {5}
print(u)
print(u.pop() in (0, 5, 8), len(u))
u.clear()
print(u, set() == frozenset())
try:
    u.remove(1)
except KeyError as e:
    print("KeyError:", e)
print(sorted(n for n in dir(set) if not n.startswith("_")))
