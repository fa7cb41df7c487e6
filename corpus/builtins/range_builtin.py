# range(): arguments, negative steps, repr, errors.
print(range(3), range(1, 4), range(0, 10, 3), range(5, -5, -2), repr(range(0)))
print(list(range(3)), list(range(-3)), list(range(2, 2)), list(range(10, 0, -4)))
print(range(10)[-1], range(10)[::-1], range(1, 10, 2)[1:3], range(3).count(1), range(3).index(2))
for bad in ((), (1, 2, 3, 4), (1.0,), ("1",), (1, 2, 0), (None,)):
    try:
        range(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(range(True), list(range(False, True + True)))
print(min(range(5, 10)), max(range(5, 10)), sum(range(101)), sorted(range(3), reverse=True))
