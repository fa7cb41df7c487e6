# Exact comparisons between ints and floats, including huge values.
big = 2 ** 53
print(big == float(big), big + 1 == float(big + 1), float(big + 1) == big)
print(big + 1 > float(big), big + 1 < float(big + 2))
print(10 ** 400 > float("1e308"), 10 ** 400 < float("inf"), -(10 ** 400) > float("-inf"))
nan = float("nan")
print(nan == nan, nan != nan, nan < 1, nan > 1, 1 == nan, 1 < nan)
print(0.1 + 0.2 == 0.3, 0.5 + 0.25 == 0.75, 1 / 3 * 3 == 1.0)
print(2 ** 63 == 9223372036854775808.0, 2 ** 63 - 1 == 9223372036854775807.0)
print(-0.0 == 0, hash(-0.0) == hash(0))
vals = [3, 2.5, -1, 10 ** 20, 1e20, True, -0.5]
print(sorted(vals))
print(max(1, 1.0), min(1.0, 1), max(2, 2.0))
print(1e20 == 10 ** 20, 1e23 == 10 ** 23, int(1e23))
