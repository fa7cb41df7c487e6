# The compiler's SyntaxWarnings go to stderr before the program runs (the harness
# used to drop the main program's compile warnings on the refvm side).
print("start")
try:
    0()
except TypeError as e:
    print(e)
x = 5
print(x is 5)
print([1, 2] is not ())
