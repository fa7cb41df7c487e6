# __bool__ and __len__ for truth testing, with error cases.
class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(Sized(0)), bool(Sized(2)), len(Sized(7)), not Sized(0))
class Flag:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v
print(bool(Flag(True)), "yes" if Flag(False) else "no", [x for x in (Flag(True), Flag(False)) if x].__len__())
for bad, exc in ((Sized(-1), ValueError), (Sized("3"), TypeError), (Sized(2 ** 70), OverflowError), (Flag(1), TypeError), (Flag(None), TypeError)):
    try:
        bool(bad)
    except exc as e:
        print(exc.__name__, e)
try:
    len(Sized(-1))
except ValueError as e:
    print("ValueError:", e)
class NoLen:
    pass
try:
    len(NoLen())
except TypeError as e:
    print("TypeError:", e)
class BoolNone:
    __bool__ = None
try:
    bool(BoolNone())
except TypeError as e:
    print("TypeError:", e)
class IndexLen:
    def __len__(self):
        class I:
            def __index__(self):
                return 4
        return I()
print(len(IndexLen()))
