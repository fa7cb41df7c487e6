# Regression from a fuzz finding (pyconform fuzz --seed 20261124, program 26): [refvm→refvm] stdout differs.
try:
    for subj4 in [1]:
        match subj4:
            case int() if 0:
                0
            case 0 | 1:
                print('zero ')
except Exception as e:
    pass
