# finally with return/break/continue and exceptions raised from finally.
def f1():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print("f1 finally", i)
    return i
print(f1())
def f2():
    try:
        raise ValueError("original")
    finally:
        print("f2 finally runs, exception continues")
try:
    f2()
except ValueError as e:
    print("caught", e)
def f3():
    try:
        raise ValueError("original")
    finally:
        raise KeyError("from finally")
try:
    f3()
except KeyError as e:
    print("caught", repr(e), "context:", repr(e.__context__))
def f4():
    result = []
    try:
        result.append("try")
        return result
    finally:
        result.append("finally mutates the returned list")
print(f4())
def f5(n):
    try:
        try:
            return "inner %d" % (1 // n)
        finally:
            print("inner finally", n)
    except ZeroDivisionError:
        return "handled"
    finally:
        print("outer finally", n)
print(f5(1), f5(0))
