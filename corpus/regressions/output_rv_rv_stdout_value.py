# Regression from a fuzz finding (pyconform fuzz --seed 1124, program 19): [refvm→refvm] stdout differs.
import math
print(math.hypot(624.97 / 0.5, 1.0))
