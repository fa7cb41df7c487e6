# complex() constructor forms and errors.
print(complex(), complex(2), complex(2.5, -1), complex("1+2j"), complex(" 3-4J "), complex("j"), complex("-1.5e3j"))
print(complex("(1+2j)"), complex("inf+nanj"), complex(1j, 1j), complex(True, False), complex("5"))
class C:
    def __complex__(self):
        return 7 + 1j
print(complex(C()))
class F:
    def __float__(self):
        return 1.25
print(complex(F()), complex(F(), F()))
for bad in ("1+", "j1", "1+2", "1 + 2j", "", "(1+2j", "1j+2"):
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), "ValueError:", e)
for args in (("1", 2), (None,), ([],), (1, "2")):
    try:
        complex(*args)
    except TypeError as e:
        print(args, "TypeError:", e)
