"""Core module of the support package."""
def greet(name):
    return "hello, " + name
def whoami():
    return __name__
