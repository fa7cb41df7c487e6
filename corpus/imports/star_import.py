# from module import * honours __all__.
from _shapes import *
print(sorted(n for n in dir() if not n.startswith("__")))
print(Square(4).area(), area_sum([Circle(1)]))
try:
    not_exported
except NameError as e:
    print("NameError:", e)
