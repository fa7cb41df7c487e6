# Regression from a fuzz finding (pyconform fuzz --seed 20261124, program 3942): [refvm→refvm] stdout differs.
import math
print(True, math.fsum([]))
