# assert with and without messages.
def check(x):
    assert x > 0, "x must be positive, got %d" % x
    return x * 2
print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("bare AssertionError:", repr(e), e.args)
try:
    assert [], ["message", "list"]
except AssertionError as e:
    print("AssertionError:", e.args)
assert True, "never"
assert 1 == 1.0
x = 0
def side():
    global x
    x += 1
    return "msg"
assert True, side()
print("message not evaluated:", x)
try:
    assert 0, side()
except AssertionError as e:
    print(e, x)
print(__debug__)
