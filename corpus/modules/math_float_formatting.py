# math results printed through repr to check float formatting of transcendental values.
import math
for x in (0.5, 1.0, 2.0, 10.0, 0.1):
    print(x, math.sqrt(x), math.exp(x), math.log(x), math.sin(x), math.cos(x), math.atan(x))
print([round(math.sin(k * math.pi / 6), 12) for k in range(7)])
print(math.pi * 1e10, math.e ** 10, math.sqrt(2) ** 2, 2 ** 0.5 * 2 ** 0.5)
