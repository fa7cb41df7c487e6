# Regression from a fuzz finding (pyconform fuzz --seed 0, program 57): .pyc bytes differ: first at offset 1259; sizes 2192 (cpython) and 2192 (refvm).
f'{{'
print('regression ran to the end')
