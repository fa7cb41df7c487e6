# Functions as values: passing, returning, storing in containers.
def add(a, b): return a + b
def sub(a, b): return a - b
def mul(a, b): return a * b
ops = {"+": add, "-": sub, "*": mul}
print([ops[o](6, 3) for o in "+-*"])
def apply_twice(f, x):
    return f(f(x))
print(apply_twice(lambda v: v * 3, 2), apply_twice(str.upper, "a"))
def compose(*fs):
    def run(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return run
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))
pipeline = [str.strip, str.lower, lambda s: s.replace(" ", "_")]
s = "  Hello World  "
for f in pipeline:
    s = f(s)
print(s)
print(sorted(["bb", "a", "ccc"], key=len), list(map(add, [1, 2], [10, 20])))
print(add == add, add != sub, add.__call__(1, 2))
