# Floor division and modulo follow the sign of the divisor.
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (6, 3), (-6, 3), (1, 10**20), (-1, 10**20)]
for a, b in pairs:
    q, r = a // b, a % b
    print(a, b, q, r, q * b + r == a, divmod(a, b) == (q, r))
fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (0.0, 3), (-0.0, 3), (1e300, 1e-300)]
for a, b in fpairs:
    print(a, b, a // b, a % b)
print(5 % -0.5, -5 % 0.5, 1.0 % float("inf"), -1.0 % float("inf"))
zero, fzero = 0, 0.0
cases = [("1 // 0", lambda: 1 // zero), ("1 % 0", lambda: 1 % zero), ("1.0 // 0", lambda: 1.0 // zero),
         ("1.0 % 0.0", lambda: 1.0 % fzero), ("divmod(1, 0)", lambda: divmod(1, zero)), ("1 / 0", lambda: 1 / zero),
         ("0.0 / 0", lambda: 0.0 / zero)]
for expr, fn in cases:
    try:
        fn()
    except ZeroDivisionError as e:
        print(expr, "->", e)
