# reversed() uses __reversed__, else __len__ + __getitem__.
class Seq:
    def __len__(self):
        return 4
    def __getitem__(self, i):
        if not 0 <= i < 4:
            raise IndexError(i)
        return "item%d" % i
print(list(reversed(Seq())))
class Rev:
    def __reversed__(self):
        return iter("custom")
print(list(reversed(Rev())))
class NoSeq:
    def __iter__(self):
        return iter([1, 2])
try:
    reversed(NoSeq())
except TypeError as e:
    print("TypeError:", e)
print(list(reversed({"a": 1, "b": 2})), list(reversed(range(3))), list(reversed((1, 2))), "".join(reversed("abc")))
class NoneRev:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
try:
    reversed(NoneRev())
except TypeError as e:
    print("TypeError:", e)
