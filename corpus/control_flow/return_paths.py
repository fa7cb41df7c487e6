# Functions returning from many points, implicit None, early exits.
def sign(x):
    if x > 0:
        return 1
    if x < 0:
        return -1
    return 0
def implicit(flag):
    if flag:
        return "explicit"
def bare():
    return
def loop_return(xs):
    for x in xs:
        if x < 0:
            return x
    print("no negatives")
print([sign(v) for v in (-5, 0, 3)], implicit(True), implicit(False), bare())
print(loop_return([1, -2, -3]), loop_return([1, 2]))
def multi():
    return 1, [2], {"three": 3}
print(multi(), type(multi()).__name__)
def nested_return(n):
    while True:
        for i in range(n):
            if i == 3:
                return "i hit 3"
        return "n too small"
print(nested_return(10), nested_return(2))
