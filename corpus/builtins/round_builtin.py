# round(): half-even, negative ndigits, int vs float results, huge values.
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(3.14159, 2), round(2.675, 2))
print(round(123.456, -1), round(123.456, -2), round(123.456, -3), round(1234, -2), round(1250, -2), round(1350, -2))
print(round(-1250, -2), round(7, 0), round(7.0, 0), type(round(7.5)).__name__, type(round(7.5, 0)).__name__)
print(round(10 ** 30 + 5, -1), round(1e300, -299), round(5e-324, 400), round(0.1, 20), round(1.23456789e-5, 7))
print(round(True), round(False, 3), round(-0.0), round(-0.4), round(0.49999999999999994))
for bad in ((float("inf"),), (float("nan"),), ("1",), (1.5, 1.5)):
    try:
        round(*bad)
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
