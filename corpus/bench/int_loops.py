# Benchmark: integer arithmetic in nested loops. Size: outer iterations.
import sys
def work(n):
    total = 0
    acc = 1
    for i in range(n):
        for j in range(100):
            acc = (acc * 31 + i ^ j) % 1000003
            total += acc & 0xFF
            if acc % 7 == 0:
                total -= j
    return total, acc
n = int(sys.argv[1]) if len(sys.argv) > 1 else 40000
total, acc = work(n)
print("checksum", total, acc)
