# An assignment expression with an attribute target.
class C:
    pass
c = C()
if (c.x := 5):
    pass
