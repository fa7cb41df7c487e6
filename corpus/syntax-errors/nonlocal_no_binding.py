# nonlocal naming a variable with no enclosing binding.
def outer():
    def inner():
        nonlocal missing
        missing = 1
    return inner
