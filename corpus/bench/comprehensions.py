# Benchmark: list, dict and set comprehensions and generator expressions. Size: rows.
import sys
n = int(sys.argv[1]) if len(sys.argv) > 1 else 16000
total = 0
for r in range(n):
    row = [(r * 31 + c * 17) % 101 for c in range(100)]
    evens = [v for v in row if v % 2 == 0]
    squares = {c: v * v for c, v in enumerate(row) if v > 50}
    distinct = {v % 13 for v in row}
    total += sum(evens) + sum(squares.values()) + len(distinct)
    total += sum(v for v in row if v % 3 == 0)
    pairs = [(a, b) for a in range(8) for b in range(8) if (a + b + r) % 5 == 0]
    total += len(pairs)
print("checksum", total)
