# Regression from a fuzz finding (pyconform fuzz --seed 1124, program 4290): [refvm→refvm] stdout differs.
print('%#.0o%%%#.3g|%-i' % ((0, 543.77, 0)))
