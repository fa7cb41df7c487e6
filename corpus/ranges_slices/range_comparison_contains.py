# Membership in ranges for ints, bools, floats and other objects.
r = range(0, 20, 5)
for v in (0, 5, 7, 15, 20, True, False, 5.0, 5.5, "5", None, -5):
    print(repr(v), v in r)
class Eq:
    def __eq__(self, o):
        return o == 10
print(Eq() in r, r.count(Eq()), r.index(10))
print(range(0, 3) == range(0, 3, 1), range(0, 3) != range(3), [range(2)] == [range(0, 2)])
