# Rich comparisons: reflection (< becomes >), subclass priority, fallbacks.
class Loud:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "L%d" % self.n
    def __lt__(self, o):
        print("  %r.__lt__(%r)" % (self, o))
        return NotImplemented
    def __gt__(self, o):
        print("  %r.__gt__(%r)" % (self, o))
        return NotImplemented
    def __eq__(self, o):
        print("  %r.__eq__(%r)" % (self, o))
        return NotImplemented
class Sub(Loud):
    def __gt__(self, o):
        print("  %r.Sub.__gt__(%r)" % (self, o))
        return True
a, b = Loud(1), Loud(2)
print("a < b")
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
print("a == b ->", a == b)
print("a != b ->", a != b)
print("a == a ->", a == a)
s = Sub(3)
print("a < s ->", a < s)
print("s > a ->", s > a)
