# nonlocal counters and independent closure instances.
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc1, get1 = make_counter()
inc2, get2 = make_counter(100)
inc1(); inc1(); inc2(5)
print(get1(), get2(), inc1(10), get1())
print(inc1.__closure__[0] is get1.__closure__[0], inc1.__closure__[0] is inc2.__closure__[0])
print(inc1.__code__.co_freevars, make_counter.__code__.co_cellvars)
