# The @ operator through __matmul__/__rmatmul__/__imatmul__.
class Mat:
    def __init__(self, rows):
        self.rows = rows
    def __matmul__(self, other):
        if not isinstance(other, Mat):
            return NotImplemented
        cols = list(zip(*other.rows))
        return Mat([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __rmatmul__(self, other):
        return "rmatmul with %r" % (other,)
    def __imatmul__(self, other):
        self.rows = (self @ other).rows
        print("imatmul")
        return self
    def __repr__(self):
        return "Mat(%r)" % self.rows
a = Mat([[1, 2], [3, 4]])
b = Mat([[5, 6], [7, 8]])
print(a @ b)
print(3 @ a)
a @= b
print(a)
try:
    1 @ 2
except TypeError as e:
    print("TypeError:", e)
try:
    a @ 5
except TypeError as e:
    print("TypeError:", e)
