# Defining __eq__ sets __hash__ to None unless __hash__ is defined too.
class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
class EqHash(EqOnly):
    def __hash__(self):
        return hash(self.v)
class InheritsHash(EqHash):
    pass
class ReEq(EqHash):
    def __eq__(self, o):
        return False
print(EqOnly.__hash__, EqHash.__hash__ is not None, InheritsHash.__hash__ is EqHash.__hash__, ReEq.__hash__)
try:
    {EqOnly(1)}
except TypeError as e:
    print("TypeError:", e)
s = {EqHash(1), EqHash(1), InheritsHash(1), EqHash(2)}
print(len(s))
class HashReturnsBig:
    def __hash__(self):
        return 2 ** 100
print(hash(HashReturnsBig()))
class HashReturnsStr:
    def __hash__(self):
        return "nope"
try:
    hash(HashReturnsStr())
except TypeError as e:
    print("TypeError:", e)
class HashNeg1:
    def __hash__(self):
        return -1
print(hash(HashNeg1()))
