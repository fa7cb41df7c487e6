# except* details: raising inside handlers, notes, subclasses and derive, predicates.
def leaves(eg):
    if isinstance(eg, BaseExceptionGroup):
        return [leaves(e) for e in eg.exceptions]
    return repr(eg)


eg = ExceptionGroup("top", [ValueError("a"), ExceptionGroup("mid", [TypeError("b"), ValueError("c")])])
eg.add_note("note 1")
m, r = eg.split(lambda e: isinstance(e, ValueError))
print(leaves(m), leaves(r))
print(m.__notes__, r.__notes__, m.__notes__ is eg.__notes__)
print(eg.subgroup(lambda e: True) is eg, eg.split(Exception)[1])
print(eg.subgroup((TypeError, KeyError)))
print(str(ExceptionGroup("one", [KeyError(1)])), ExceptionGroup("one", [KeyError(1)]).message)


class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "*", excs)


mg = MyGroup("mine", [ValueError(1), TypeError(2)])
a, b = mg.split(ValueError)
print(type(a).__name__, a.message, type(b).__name__, b.message)

try:
    try:
        raise ExceptionGroup("g", [ValueError("x"), TypeError("y")])
    except* ValueError:
        raise KeyError("replacement")
except BaseException as e:
    print(type(e).__name__, leaves(e), repr(e.exceptions[0].__context__))

try:
    try:
        raise ExceptionGroup("g", [ValueError("x"), TypeError("y")])
    except* ValueError as v:
        raise
except ExceptionGroup as e:
    print("reraised:", leaves(e), e.message)

try:
    try:
        raise TypeError("naked")
    except* TypeError:
        raise
except ExceptionGroup as e:
    print("naked reraised:", repr(e))

def handled():
    try:
        raise ExceptionGroup("h", [ValueError(1), ValueError(2)])
    except* ValueError as g:
        import sys
        print("inside:", leaves(g), sys.exception() is g)
    return "done"


print(handled())

for bad in (ExceptionGroup, (ValueError, BaseExceptionGroup), 42):
    try:
        try:
            raise ValueError
        except* bad:
            pass
    except TypeError as e:
        print("TypeError:", e)

for args in [("m", []), ("m", [1]), (1, [ValueError()]), ("m", ValueError()), ("m",)]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
print(type(BaseExceptionGroup("m", (ValueError(),))).__name__, BaseExceptionGroup("m", [ValueError()]).args)
print(isinstance(ExceptionGroup("x", [ValueError()]), Exception), ExceptionGroup.__mro__)
try:
    eg.split(5)
except TypeError as e:
    print("TypeError:", e)
print(ExceptionGroup[int])
