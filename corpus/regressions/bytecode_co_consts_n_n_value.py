# Regression from a fuzz finding (pyconform fuzz --seed 0, program 52): co_consts[11][1] differs.
{0, 6, 68}
print('regression ran to the end')
