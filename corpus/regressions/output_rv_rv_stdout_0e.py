# Regression from a fuzz finding (pyconform fuzz --seed 1124, program 5062): [refvm→refvm] stdout differs.
print(format(0.0, '.1'))
