# is / is not / in / not in with various containers.
a = [1, 2, 3]
b = a
c = list(a)
print(a is b, a is c, a == c, a is not c)
print(None is None, type(None) is type(None))
x = 300
y = x
print(x is y)
print(2 in a, 5 in a, 5 not in a)
print("ell" in "hello", "" in "abc", "z" in "")
print(1 in {1: "a"}, "a" in {1: "a"})
print(3 in range(0, 10, 3), 4 in range(0, 10, 3), -1 in range(5))
print(2 in (1, 2), [2] in [[2]], (1,) in {(1,): 0})
print(1.0 in [1], True in [1], 0 in [False])
nan = float("nan")
lst = [nan]
print(nan in lst, nan == nan, nan is lst[0])
print(b"b" in b"abc", 98 in b"abc", 98 in bytearray(b"xbz"))
class Bag:
    def __contains__(self, item):
        return item % 2 == 0
print(4 in Bag(), 5 in Bag(), 5 not in Bag())
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10
print(20 in Seq(), 25 in Seq())
class It:
    def __iter__(self):
        return iter("xyz")
print("y" in It(), "w" in It())
