# Regression from a fuzz finding (pyconform fuzz --seed 1124, program 308): [cpython→refvm] stdout differs.
v11 = {1, 68, 4}
print(v11)
