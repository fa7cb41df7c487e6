# Lexicographic tuple ordering used for multi-key sorting.
records = [("smith", "john", 35), ("doe", "jane", 28), ("smith", "anna", 35), ("doe", "adam", 45), ("lee", "kim", 28)]
print(sorted(records))
print(sorted(records, key=lambda r: (r[2], r[0])))
print(sorted(records, key=lambda r: (-r[2], r[1])))
print(max(records), min(records, key=lambda r: r[2]))
print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 0), () < (0,), (2,) > (1, 100), (1, "a") == (1, "a"))
try:
    (1, 2) < (1, "x")
except TypeError as e:
    print("TypeError:", e)
print((1, 2) < (2, "x"))
