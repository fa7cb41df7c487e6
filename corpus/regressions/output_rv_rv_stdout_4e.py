# Regression from a fuzz finding (pyconform fuzz --seed 0, program 2823): [refvm→refvm] stdout differs.
import gc
fe0 = 4.35
try:
    print(format(fe0, '.1'))
    print(f'x={fe0!s}')
except Exception as e:
    print(type(e).__name__, e)
gc.collect()
