# Benchmark: method calls and attribute access on class instances. Size: iterations.
import sys
class Counter:
    def __init__(self):
        self.value = 0
    def inc(self, k):
        self.value += k
        return self
    def get(self):
        return self.value
class Shape:
    def __init__(self, w, h):
        self.w = w
        self.h = h
    def area(self):
        return self.w * self.h
    def scale(self, f):
        return Shape(self.w * f, self.h * f)
class Square(Shape):
    def __init__(self, s):
        super().__init__(s, s)
    def area(self):
        return Shape.area(self)
def run(n):
    c = Counter()
    shapes = [Shape(i % 7 + 1, i % 5 + 1) if i % 2 else Square(i % 9 + 1) for i in range(50)]
    total = 0
    for i in range(n):
        s = shapes[i % 50]
        total += s.area()
        c.inc(1).inc(2)
        if i % 100 == 0:
            total += s.scale(2).area()
    return total, c.get()
n = int(sys.argv[1]) if len(sys.argv) > 1 else 1700000
print(run(n))
