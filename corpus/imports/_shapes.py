"""Support module for the imports programs: simple shapes."""
print("_shapes module executing, __name__ =", __name__)
PI = 3.14159
_private = "hidden from star-import"
__all__ = ["Square", "Circle", "area_sum"]
class Square:
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
class Circle:
    def __init__(self, r):
        self.r = r
    def area(self):
        return PI * self.r * self.r
def area_sum(shapes):
    return sum(s.area() for s in shapes)
def not_exported():
    return "only via attribute access"
