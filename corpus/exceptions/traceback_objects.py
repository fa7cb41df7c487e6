# Walking __traceback__ objects: line numbers and function names; with_traceback.
def inner():
    x = 1
    raise ValueError("deep")
def middle():
    inner()
def outer():
    middle()
try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    frames = []
    while tb is not None:
        frames.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(frames)
    saved = e
try:
    raise KeyError("new").with_traceback(saved.__traceback__)
except KeyError as k:
    n = 0
    tb = k.__traceback__
    while tb:
        n += 1
        tb = tb.tb_next
    print("frames after with_traceback:", n)
def handler_line():
    try:
        raise TypeError
    except TypeError as e:
        return e.__traceback__.tb_lineno, e.__traceback__.tb_frame.f_code.co_name
print(handler_line())
print(ValueError().__traceback__, ValueError().with_traceback(None).__traceback__)
