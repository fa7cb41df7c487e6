# time.perf_counter is monotonic; only properties of it are printed, never values.
import time
t0 = time.perf_counter()
total = 0
for i in range(10000):
    total += i
t1 = time.perf_counter()
print(total, type(t0).__name__, t1 >= t0, (t1 - t0) < 10.0)
ns0 = time.perf_counter_ns()
ns1 = time.perf_counter_ns()
print(type(ns0).__name__, ns1 >= ns0)
samples = [time.perf_counter() for _ in range(100)]
print(all(a <= b for a, b in zip(samples, samples[1:])))
