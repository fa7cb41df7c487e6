# Exceptions from comprehensions, generator expressions and map propagate normally.
def risky(x):
    if x == 3:
        raise ValueError("bad value %d" % x)
    return x * 2
try:
    print([risky(x) for x in range(5)])
except ValueError as e:
    print("list comp:", e)
g = (risky(x) for x in range(5))
print(next(g), next(g), next(g))
try:
    next(g)
except ValueError as e:
    print("genexp:", e)
print(next(g, "generator is finished after raising"))
m = map(risky, [1, 3])
print(next(m))
try:
    next(m)
except ValueError as e:
    print("map:", e)
try:
    {k: 1 / k for k in (2, 1, 0)}
except ZeroDivisionError as e:
    print("dict comp:", e)
