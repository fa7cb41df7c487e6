# pow(): two and three arguments, negative exponents, modular inverse, errors.
print(pow(2, 10), pow(2, -2), pow(2.0, 3), pow(-2, 3), pow(0, 0), pow(4, 0.5), pow(2, 3, 5), pow(3, 200, 10 ** 9 + 7))
print(pow(3, -1, 11), pow(-1, 5, 7), pow(10, -2, 7), pow(base=2, exp=5), pow(2, 5, mod=3))
print(pow(1j, 2), pow(2, 1j) == 2 ** 1j, pow(-8, 1 / 3))
for args in ((2, 3, 0), (2, -1, 4), (2.0, 2, 3), (2, 2.0, 3), (0, -1), (0.0, -1)):
    try:
        pow(*args)
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(args, type(e).__name__, e)
