# classmethod and staticmethod: alternative constructors and inheritance.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return "%s(%04d-%02d-%02d)" % (type(self).__name__, self.y, self.m, self.d)
class MyDate(Date):
    pass
print(Date.from_string("2024-02-29"), MyDate.from_string("1999-12-31"))
print([y for y in range(1896, 1912) if Date.is_leap(y)], Date(2000, 1, 1).is_leap(2000))
cm = classmethod(lambda cls: cls.__name__)
class K:
    name = cm
    st = staticmethod(len)
print(K.name(), K().name(), K.st("abc"), K().st([1]))
print(isinstance(Date.__dict__["from_string"], classmethod), Date.from_string.__func__.__name__)
