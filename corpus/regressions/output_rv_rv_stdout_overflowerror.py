# Regression from a fuzz finding (pyconform fuzz --seed 20261124, program 1233): [refvm→refvm] stdout differs.
try:
    format(87 ** 22, 'c')
except Exception as e:
    print(type(e).__name__, e)
