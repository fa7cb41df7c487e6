# Exceptions raised inside except/else/finally blocks and propagation out of nested tries.
def level(n):
    try:
        if n == 0:
            raise ValueError("bottom")
        level(n - 1)
    except KeyError:
        print("never: wrong type")
    finally:
        print("unwinding level", n)
try:
    level(3)
except ValueError as e:
    print("top caught", e)
def in_else():
    try:
        pass
    except Exception:
        print("no")
    else:
        raise RuntimeError("from else")
try:
    in_else()
except RuntimeError as e:
    print("caught", e, "context", e.__context__)
def in_except():
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
try:
    in_except()
except TypeError as e:
    print("caught", repr(e), "context", repr(e.__context__))
