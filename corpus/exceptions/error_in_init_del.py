# Exceptions in __init__ leave no object; errors in __repr__ propagate through print.
class Fragile:
    def __init__(self, ok):
        if not ok:
            raise ValueError("cannot build")
        self.ok = ok
try:
    f = Fragile(False)
except ValueError as e:
    print("ValueError:", e)
print("f" in dir())
class BadRepr:
    def __repr__(self):
        raise RuntimeError("repr failed")
try:
    print([BadRepr()])
except RuntimeError as e:
    print("RuntimeError:", e)
class BadEq:
    def __eq__(self, o):
        raise ArithmeticError("eq failed")
try:
    BadEq() in [1, 2]
except ArithmeticError as e:
    print("ArithmeticError:", e)
class BadHash:
    def __hash__(self):
        raise LookupError("hash failed")
try:
    {BadHash(): 1}
except LookupError as e:
    print("LookupError:", e)
