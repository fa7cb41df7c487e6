# The `as` target is deleted at the end of the except block.
e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    print("inside:", repr(e))
try:
    print(e)
except NameError as err:
    print("NameError:", err)
def f():
    exc = None
    try:
        1 / 0
    except ZeroDivisionError as exc:
        pass
    try:
        return exc
    except UnboundLocalError as err:
        return "UnboundLocalError: " + str(err)
print(f())
def g():
    saved = None
    try:
        [][1]
    except IndexError as err:
        saved = err
    return repr(saved)
print(g())
