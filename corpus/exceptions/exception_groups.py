# ExceptionGroup and except* (3.11).
def fail_many():
    raise ExceptionGroup("several", [ValueError("v1"), TypeError("t1"), ValueError("v2"), KeyError("k")])
try:
    fail_many()
except* ValueError as eg:
    print("ValueErrors:", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("TypeErrors:", [str(e) for e in eg.exceptions])
except* LookupError as eg:
    print("LookupErrors:", [repr(e) for e in eg.exceptions])
eg = ExceptionGroup("msg", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
print(repr(eg), str(eg))
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError))
try:
    try:
        raise ExceptionGroup("g", [OSError("os"), ValueError("val")])
    except* ValueError:
        print("handled ValueError part")
except ExceptionGroup as leftover:
    print("unhandled remainder:", repr(leftover))
try:
    raise ValueError("plain")
except* ValueError as g:
    print("plain exception wrapped:", repr(g))
bg = BaseExceptionGroup("b", [KeyboardInterrupt()])
print(type(bg).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__)
