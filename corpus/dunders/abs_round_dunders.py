# __abs__, __round__ and __invert__/__pos__/__neg__ results are passed through unchanged.
class X:
    def __abs__(self):
        return "absolute"
    def __round__(self, n=None):
        return ("rounded", n)
    def __invert__(self):
        return ["inverted"]
    def __pos__(self):
        return None
    def __neg__(self):
        return self
x = X()
print(abs(x), round(x), round(x, 3), round(x, None), ~x, +x, -x is x)
class OnlyFloat:
    def __float__(self):
        return 2.5
try:
    round(OnlyFloat())
except TypeError as e:
    print("TypeError:", e)
try:
    abs(OnlyFloat())
except TypeError as e:
    print("TypeError:", e)
