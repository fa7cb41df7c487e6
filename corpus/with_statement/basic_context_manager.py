# A context manager class: enter value, exit on normal and exceptional paths.
class Resource:
    def __init__(self, name):
        self.name = name
        self.open = False
    def __enter__(self):
        self.open = True
        print("acquire", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        self.open = False
        print("release", self.name, "error" if exc_type else "clean")
        return False
with Resource("r1") as r:
    print("using", r.name, r.open)
print("after", r.open)
try:
    with Resource("r2") as r2:
        raise RuntimeError("failure inside with")
except RuntimeError as e:
    print("propagated:", e, r2.open)
def early_return():
    with Resource("r3"):
        return "returned from inside with"
print(early_return())
for i in range(3):
    with Resource("loop%d" % i):
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
