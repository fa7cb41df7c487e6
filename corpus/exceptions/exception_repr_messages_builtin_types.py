# AttributeError/TypeError messages naming builtin and user types, including modules and classes.
import math
class Meta(type):
    pass
class User(metaclass=Meta):
    __slots__ = ("a",)
cases = [
    lambda: math.nope,
    lambda: int.nope,
    lambda: User.nope,
    lambda: User().a,
    lambda: User().b,
    lambda: setattr(User(), "b", 1),
    lambda: setattr(5, "x", 1),
    lambda: setattr(int, "x", 1),
    lambda: delattr(int, "real"),
    lambda: (5).real.__setattr__("y", 2),
    lambda: object().__dict__,
    lambda: [].__dict__,
    lambda: type.__dict__["__name__"].__set__(int, "x"),
]
for c in cases:
    try:
        c()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
