# An over-indented line inside a function body.
def f():
    a = 1
        b = 2
    return a + b
