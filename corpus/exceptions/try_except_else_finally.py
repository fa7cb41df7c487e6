# Flow through try/except/else/finally in every combination.
def run(raise_it):
    log = []
    try:
        log.append("try")
        if raise_it:
            raise ValueError("boom")
    except ValueError as e:
        log.append("except " + str(e))
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(run(False))
print(run(True))
def ret_finally():
    try:
        return "from try"
    finally:
        print("finally runs before return")
print(ret_finally())
def override():
    try:
        return 1
    finally:
        return 2
print(override())
def swallow():
    try:
        raise KeyError("lost")
    finally:
        return "finally return swallows exception"
print(swallow())
def nested():
    try:
        try:
            raise TypeError("inner")
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer caught", e)
    finally:
        print("outer finally")
nested()
