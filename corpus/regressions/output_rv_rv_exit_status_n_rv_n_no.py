# Regression from a fuzz finding (pyconform fuzz --seed 0, program 4368): [refvm→refvm] exit status: cpython 0, refvm 1.
class C3:
    def __init__(self, a0, a1, a2):
        pass
    def __eq__(self, other):
        if not isinstance(other, C3):
            return NotImplemented
        return ((self.a0, self.a1, self.a2)) == ((other.a0, other.a1, other.a2))
    def __iter__(self):
        yield self.a0
        yield self.a1
        yield self.a2
    def __getitem__(self, i):
        return ((self.a0, self.a1, self.a2))[i]
C3(~1, int('٣', 36), round(5e-324, 0))
print('regression ran to the end')
