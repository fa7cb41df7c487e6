# Literal patterns: ints, strings, floats, complex, negative numbers, None/True/False.
def m(v):
    match v:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2 + 3j:
            return "complex"
        case -2j:
            return "negative imaginary"
        case "hello" "world":
            return "concatenated string"
        case b"bytes":
            return "bytes literal"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case _:
            return "other %r" % (v,)
for v in (0, -1, 1.5, 2 + 3j, -2j, "helloworld", b"bytes", None, True, False, 1, 0.0, 1.0, "x"):
    print(repr(v), "->", m(v))
