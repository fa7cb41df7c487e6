# Regression from a fuzz finding (pyconform fuzz --seed 0, program 103): [refvm→refvm] stdout differs.
print(format((float('inf') - 0.5) / 0.5, '.1%'))
