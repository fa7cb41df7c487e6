# staticmethod and classmethod used as decorators and called various ways.
class Shape:
    count = 0
    def __init__(self):
        Shape.count += 1
    @staticmethod
    def area_of_square(s):
        return s * s
    @classmethod
    def create(cls):
        return cls()
    @classmethod
    def name(cls):
        return cls.__name__
class Square(Shape):
    pass
print(Shape.area_of_square(3), Shape().area_of_square(4))
s = Square.create()
print(type(s).__name__, Square.name(), s.name(), Shape.count)
print(type(Shape.__dict__["area_of_square"]).__name__, type(Shape.__dict__["create"]).__name__)
sm = Shape.__dict__["area_of_square"]
print(sm.__func__(5), callable(sm))
print(Shape.create.__self__ is Shape, Square.create.__self__ is Square)
