# Exception chaining: implicit __context__, explicit __cause__, suppression.
def implicit():
    try:
        {}["k"]
    except KeyError:
        raise ValueError("while handling")
def explicit():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("converted") from e
def suppressed():
    try:
        [][0]
    except IndexError:
        raise TypeError("no context shown") from None
for f in (implicit, explicit, suppressed):
    try:
        f()
    except Exception as e:
        print(f.__name__, repr(e), repr(e.__context__), repr(e.__cause__), e.__suppress_context__)
e = ValueError("manual")
e.__cause__ = KeyError("set by hand")
print(repr(e.__cause__), e.__suppress_context__)
try:
    raise ValueError("x") from 5
except TypeError as err:
    print("TypeError:", err)
try:
    try:
        raise KeyError("a")
    except KeyError as a:
        try:
            raise IndexError("b")
        except IndexError as b:
            raise ValueError("c")
except ValueError as c:
    print(repr(c), repr(c.__context__), repr(c.__context__.__context__))
