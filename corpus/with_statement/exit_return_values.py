# What counts as suppression: the truth value of __exit__'s result.
class Ret:
    def __init__(self, value):
        self.value = value
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return self.value
class Falsy:
    def __bool__(self):
        print("__bool__ called on exit result")
        return False
for v in (None, False, 0, "", [], True, 1, "yes", [0], Falsy()):
    try:
        with Ret(v):
            raise ValueError
        print(repr(v) if not isinstance(v, Falsy) else "Falsy", "-> suppressed")
    except ValueError:
        print(repr(v) if not isinstance(v, Falsy) else "Falsy", "-> propagated")
