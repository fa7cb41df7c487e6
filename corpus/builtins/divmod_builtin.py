# divmod(): ints, floats, signs, big values, errors.
for a, b in ((17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (10 ** 25 + 7, 10 ** 12), (True, 2)):
    print(a, b, divmod(a, b))
for a, b in ((7.5, 2), (-7.5, 2), (7.5, -2), (1e300, 3.0), (0.0, -1.0), (5, 0.5)):
    print(a, b, divmod(a, b))
for a, b in ((1, 0), (1.0, 0.0), (1j, 1), ("a", 1)):
    try:
        divmod(a, b)
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)
