# Local state survives between yields; each generator object has its own frame.
def counter(name):
    count = 0
    while True:
        count += 1
        yield "%s:%d" % (name, count)
a = counter("a")
b = counter("b")
print(next(a), next(a), next(b), next(a), next(b))
def accumulate(xs):
    acc = []
    for x in xs:
        acc.append(x)
        yield list(acc)
print(list(accumulate("abc")))
def with_try():
    try:
        yield "in try"
        yield "still in try"
    except Exception:
        yield "no"
    else:
        yield "else after try"
    finally:
        print("finally")
print(list(with_try()))
