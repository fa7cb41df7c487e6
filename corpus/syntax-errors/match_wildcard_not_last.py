# A wildcard case followed by another case.
match 5:
    case _:
        pass
    case 1:
        pass
