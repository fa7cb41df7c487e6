# Value patterns use dotted names and compare with ==.
class Color:
    RED = "red"
    GREEN = "green"
    BLUE = "blue"
class Codes:
    OK = 200
    NOT_FOUND = 404
    class Inner:
        TEAPOT = 418
def name(c):
    match c:
        case Color.RED:
            return "stop"
        case Color.GREEN:
            return "go"
        case _:
            return "unknown color"
def status(code):
    match code:
        case Codes.OK:
            return "ok"
        case Codes.NOT_FOUND:
            return "not found"
        case Codes.Inner.TEAPOT:
            return "teapot"
        case 500 | 502 | 503:
            return "server error"
    return "?"
print([name(c) for c in ("red", "green", "blue")])
print([status(c) for c in (200, 404, 418, 502, 200.0, 301)])
import math
match math.pi:
    case math.pi:
        print("matched math.pi via value pattern")
