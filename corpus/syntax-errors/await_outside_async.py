# await inside a regular function.
def f(x):
    return await x
