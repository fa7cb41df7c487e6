# del of a call.
def f():
    return 1
del f()
