# Regression from a fuzz finding (pyconform fuzz --seed 20261124, program 4268): [refvm→refvm] stdout differs.
import math
v16 = math.hypot(float('nan'))
print(v16)
