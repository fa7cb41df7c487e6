# Literal patterns use ==, except None/True/False which use `is`.
class AlwaysEqual:
    def __eq__(self, other):
        print("__eq__ with", repr(other))
        return True
def m(v):
    match v:
        case None:
            return "is None"
        case True:
            return "is True"
        case 5:
            return "== 5"
        case "s":
            return "== 's'"
    return "nothing"
print(m(AlwaysEqual()))
print(m(1), m(1.0), m(5.0), m(True), m(0), m(False))
match 0.1 + 0.2:
    case 0.3:
        print("float equal?")
    case _:
        print("0.1 + 0.2 does not match 0.3")
