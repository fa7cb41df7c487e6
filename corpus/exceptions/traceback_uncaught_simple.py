# An uncaught exception ends the program with a traceback and exit status 1.
# expect-exit: 1
def parse(s):
    return int(s)
def total(items):
    return sum(parse(x) for x in items)
print("partial output before the error")
print(total(["1", "2"]))
print(total(["3", "four"]))
print("never printed")
