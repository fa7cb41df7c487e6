# with blocks inside generators exit when the generator is closed or exhausted.
class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
    def __exit__(self, et, *a):
        print("exit", self.n, et.__name__ if et else None)
def gen():
    with CM(1):
        yield "a"
        yield "b"
    with CM(2):
        yield "c"
print(list(gen()))
g = gen()
print(next(g))
g.close()
g = gen()
next(g)
try:
    g.throw(ValueError("thrown in"))
except ValueError as e:
    print("propagated", e)
