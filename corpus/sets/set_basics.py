# Set construction, add/remove/discard/pop, membership and iteration order.
s = {3, 1, 2}
s.add(2)
s.add(10)
print(s, len(s), 2 in s, 5 in s)
s.discard(99)
s.remove(10)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
print(set(), set("hello"), set([1, 1, 2]), set(range(5)), set({"a": 1}))
e = set()
try:
    e.pop()
except KeyError as ex:
    print("KeyError:", ex)
p = {5, 6, 7}
print(p.pop(), p)
print({"apple", "banana", "cherry"}, {"b", "a", "c"})
print(set("mississippi"), frozenset("abc") == {"c", "b", "a"})
try:
    {[1]}
except TypeError as ex:
    print("TypeError:", ex)
print(list({100, 1, 50, 1000, -1, 33}))
