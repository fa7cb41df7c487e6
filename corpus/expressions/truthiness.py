# Truth value testing for builtins and user types.
class Empty:
    pass
class WithLen:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class WithBool:
    def __init__(self, b):
        self.b = b
    def __bool__(self):
        return self.b
class Both:
    def __bool__(self):
        print("__bool__ called")
        return False
    def __len__(self):
        print("__len__ called")
        return 1
items = [0, 1, -1, 0.0, -0.0, 0.1, 0j, 1j, "", " ", b"", b"\0", [], [[]], (), ((),),
         {}, {0: 0}, set(), {0}, frozenset(), range(0), range(1), None, Empty(),
         WithLen(0), WithLen(3), WithBool(True), WithBool(False), Both()]
print([bool(x) for x in items])
if WithLen(2):
    print("WithLen(2) true")
while WithBool(False):
    print("never")
print(not WithLen(0))
try:
    bool(WithBool(1))
except TypeError as e:
    print("TypeError", e)
try:
    bool(WithLen(-1))
except ValueError as e:
    print("ValueError", e)
