# Regression from a fuzz finding (pyconform fuzz --seed 0, program 32): sys.getrefcount probes differ.
class K4:
    pass
print('regression ran to the end')
