# := inside comprehensions binds in the enclosing scope.
data = [4, 9, 16, 25, 30]
roots = [r for v in data if (r := v ** 0.5) == int(r)]
print(roots, r)
total = 0
running = [total := total + v for v in data]
print(running, total)
def f(xs):
    if any((hit := x) > 10 for x in xs):
        return "first over 10: %d" % hit
    return "none"
print(f([1, 5, 12, 20]), f([1, 2]))
print([(y := i * 2, y + 1) for i in range(3)], y)
