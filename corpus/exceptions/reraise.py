# Bare raise re-raises the active exception; raise outside handler fails.
def handler():
    try:
        int("bad")
    except ValueError:
        print("logging and re-raising")
        raise
try:
    handler()
except ValueError as e:
    print("outer got", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def reraise_after_nested():
    try:
        raise KeyError("first")
    except KeyError:
        try:
            raise IndexError("second")
        except IndexError:
            pass
        raise
try:
    reraise_after_nested()
except Exception as e:
    print("re-raised", repr(e))
def raise_saved():
    try:
        1 / 0
    except ZeroDivisionError as e:
        saved = e
    raise saved
try:
    raise_saved()
except ZeroDivisionError as e:
    print("saved instance raised again:", e)
