# staticmethod() and classmethod() objects: __func__, descriptor behaviour, wrapping callables.
def plain(*a):
    return a
sm = staticmethod(plain)
cm = classmethod(plain)
class K:
    s = sm
    c = cm
print(K.s(1), K().s(2), K.c(3)[0].__name__, K().c(4)[1])
print(sm.__func__ is plain, cm.__func__ is plain, isinstance(sm, staticmethod), type(cm).__name__)
print(sm.__get__(None, K) is plain, cm.__get__(None, K)().__len__(), cm.__get__(K(), K)()[0] is K)
print(callable(sm), sm(5))
class L:
    length = staticmethod(len)
print(L.length("abcd"), L().length([1]))
class Sub(K):
    pass
print(Sub.c()[0].__name__, Sub().c()[0].__name__)
