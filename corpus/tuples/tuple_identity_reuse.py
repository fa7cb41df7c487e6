# Tuple operations that return the same object or equal copies.
t = (1, 2, 3)
print(tuple(t) is t, t[:] is t, t * 1 is t, (t + ()) is t, t[0:3] is t)
u = t * 2
print(u, u[3:] == t, u[3:] is t)
e1 = ()
e2 = tuple()
print(e1 is e2, e1 == e2, len(e1))
class T(tuple):
    pass
s = T((1, 2))
print(type(s[:]).__name__, type(tuple(s)).__name__, s == (1, 2), type(s + (3,)).__name__)
