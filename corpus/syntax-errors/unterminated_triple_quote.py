# A triple-quoted string that never ends.
def f():
    """Docstring that
    never terminates.
    return 1
