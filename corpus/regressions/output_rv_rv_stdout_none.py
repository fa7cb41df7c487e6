# Regression from a fuzz finding (pyconform fuzz --seed 20261124, program 33): [refvm→refvm] stdout differs.
try:
    for subj0 in [None]:
        match subj0:
            case str() as m2:
                pass
            case None:
                print('none')
except Exception as e:
    pass
