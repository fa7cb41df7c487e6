# stdlib: enum.Enum, IntEnum, Flag and auto.
from enum import Enum, IntEnum, Flag, auto
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
class Perm(Flag):
    R = 4
    W = 2
    X = 1
class Level(IntEnum):
    LOW = auto()
    HIGH = auto()
print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.RED.name, Color.RED.value, list(Color))
print(Color.RED is Color(1), Color.RED == 1, len(Color), [c.name for c in Color if c.value > 1])
rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, rw & Perm.W, Perm(7), repr(Perm(0)))
print(Level.LOW, Level.HIGH + 1, Level.LOW < Level.HIGH, int(Level.HIGH), sorted([Level.HIGH, Level.LOW]))
try:
    Color(9)
except ValueError as e:
    print("ValueError:", e)
match Color.GREEN:
    case Color.RED:
        print("red")
    case Color.GREEN:
        print("matched green")
