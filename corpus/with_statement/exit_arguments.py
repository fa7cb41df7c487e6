# The three arguments to __exit__ and exceptions raised inside __exit__.
class Inspect:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print("type:", et, "| value:", repr(ev), "| tb:", type(tb).__name__)
        if tb is not None:
            print("tb line:", tb.tb_lineno)
with Inspect():
    pass
try:
    with Inspect():
        x = 1
        raise ValueError("v")
except ValueError:
    pass
class FailingExit:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        raise RuntimeError("exit failed")
try:
    with FailingExit():
        raise KeyError("original")
except RuntimeError as e:
    print(repr(e), "context:", repr(e.__context__))
try:
    with FailingExit():
        pass
except RuntimeError as e:
    print(repr(e), "context:", e.__context__)
