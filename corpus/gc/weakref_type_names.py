# The weakref types carry CPython's dotted type names in messages, and proxies cannot be
# created by calling their types.
import weakref


class Plain:
    pass


class Callable:
    def __call__(self):
        return "called"


p_target = Plain()
c_target = Callable()
p = weakref.proxy(p_target)
cp = weakref.proxy(c_target)
r = weakref.ref(p_target)
print(type(p).__name__, type(cp).__name__, type(r).__name__)
print(type(p).__qualname__, type(p).__module__, repr(type(p)), repr(type(cp)), repr(type(r)))
print(weakref.ProxyTypes == (type(p), type(cp)), cp())


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("hash proxy", lambda: hash(p))
attempt("hash callable proxy", lambda: hash(cp))
attempt("ref to proxy", lambda: weakref.ref(p))
attempt("ref to callable proxy", lambda: weakref.ref(cp))
attempt("call ProxyType", lambda: type(p)())
attempt("call CallableProxyType", lambda: type(cp)(c_target))
attempt("ProxyType.__new__", lambda: type(p).__new__(type(p)))
attempt("ref no args", lambda: weakref.ref())
attempt("ref three args", lambda: weakref.ref(p_target, None, 1))
attempt("ref attribute", lambda: r.missing)
attempt("set ref attribute", lambda: setattr(r, "missing", 1))
attempt("proxy missing attribute", lambda: p.missing)
attempt("dict key proxy", lambda: {}[p])
attempt("ref to int", lambda: weakref.ref(1))
attempt("proxy to list", lambda: weakref.proxy([]))
del p_target
attempt("dead proxy", lambda: p.anything)
attempt("dead proxy str", lambda: str(p))
