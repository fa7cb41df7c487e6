# Converting between exception types and checking isinstance on exceptions.
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf") if a > 0 else float("-inf") if a < 0 else float("nan")
    except TypeError as e:
        raise ValueError("bad operands") from e
print(safe_div(1, 0), safe_div(-1, 0), safe_div(0, 0), safe_div(6, 3))
try:
    safe_div("a", 1)
except ValueError as e:
    print(repr(e), repr(e.__cause__))
errors = []
for v in ["1", "x", None, "2.5", []]:
    try:
        errors.append(int(v))
    except (TypeError, ValueError) as e:
        errors.append(type(e).__name__)
print(errors)
e = KeyError("x")
print(isinstance(e, LookupError), isinstance(e, Exception), isinstance(e, BaseException), isinstance(e, IndexError))
