# Matching except clauses: hierarchy, tuples, order, bare except.
def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup-specific " + type(e).__name__
    except LookupError as e:
        return "lookup " + type(e).__name__
    except ArithmeticError as e:
        return "arith " + type(e).__name__
    except Exception as e:
        return "other " + type(e).__name__
    except BaseException as e:
        return "base " + type(e).__name__
for exc in (KeyError("k"), IndexError(), LookupError(), ZeroDivisionError(), OverflowError(), ValueError(),
            KeyboardInterrupt(), SystemExit(3), GeneratorExit(), UnicodeDecodeError("utf-8", b"x", 0, 1, "r")):
    print(classify(exc))
try:
    raise StopIteration
except:
    print("bare except caught StopIteration")
try:
    raise ValueError
except ValueError as e:
    print("class raised ->", repr(e), e.args)
errors = (TypeError, ValueError)
try:
    int("x")
except errors as e:
    print("dynamic tuple", type(e).__name__)
try:
    try:
        raise RuntimeError("x")
    except 42:
        pass
except TypeError as e:
    print("TypeError:", e)
