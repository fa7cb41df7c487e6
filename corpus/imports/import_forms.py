# import, import-as, from-import, from-import-as of a support module beside the program.
import _shapes
import _shapes as shp
from _shapes import Square, Circle as C
from _shapes import area_sum
print(_shapes is shp, _shapes.__name__, _shapes.__doc__)
print(Square(3).area(), C(1).area(), area_sum([Square(2), C(2)]))
print(_shapes.PI, _shapes.not_exported(), _shapes._private)
print(type(_shapes).__name__, sorted(n for n in dir(_shapes) if not n.startswith("__")))
