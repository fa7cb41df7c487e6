# Three levels of nesting with nonlocal at different depths.
def level1():
    a = "a1"
    b = "b1"
    def level2():
        nonlocal a
        a = "a2"
        b = "b2"
        def level3():
            nonlocal a, b
            a += "+3"
            b += "+3"
            return a, b
        r = level3()
        return r, a, b
    r = level2()
    return r, a, b
print(level1())
def shadow():
    x = "outer"
    def mid():
        x = "mid"
        def inner():
            return x
        return inner()
    return mid(), x
print(shadow())
def skip_level():
    v = "top"
    def mid():
        def inner():
            nonlocal v
            v = "changed by inner"
        inner()
    mid()
    return v
print(skip_level())
