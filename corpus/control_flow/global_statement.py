# global declarations in functions and nested functions.
counter = 0
def inc():
    global counter
    counter += 1
    return counter
inc(); inc()
print(counter)
def make():
    global created
    created = "made"
make()
print(created)
def reader():
    return counter * 10
print(reader())
def shadow():
    counter = 100
    return counter
print(shadow(), counter)
def broken():
    try:
        counter += 1
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(broken())
def outer():
    def inner():
        global counter
        counter = -1
    inner()
    return counter
print(outer(), counter)
x = "module"
def uses_globals():
    return globals()["x"], "uses_globals" in globals()
print(uses_globals())
