# Regression from a fuzz finding (pyconform fuzz --seed 20261124, program 30): [refvm→refvm] stderr differs.
# expect-exit: 1
print('the traceback below marks the subscript with ~~^^^')
''[6]
