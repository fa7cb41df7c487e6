# property() built without decorators, read-only and computed properties.
class Rect:
    def __init__(self, w, h):
        self._w, self._h = w, h
    def get_w(self):
        return self._w
    def set_w(self, v):
        print("set_w", v)
        self._w = v
    w = property(get_w, set_w, None, "the width")
    area = property(lambda self: self._w * self._h)
r = Rect(2, 3)
print(r.w, r.area)
r.w = 10
print(r.area, Rect.w.__doc__)
try:
    r.area = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del r.w
except AttributeError as e:
    print("AttributeError:", e)
p = property()
try:
    p.__get__(r)
except AttributeError as e:
    print("AttributeError:", e)
class Sub(Rect):
    @Rect.w.getter
    def w(self):
        return self._w * 100
s = Sub(1, 1)
print(s.w)
s.w = 2
print(s.w, s.area)
print(Rect.w.fget.__name__, Rect.w.fset.__name__, Rect.w.fdel)
