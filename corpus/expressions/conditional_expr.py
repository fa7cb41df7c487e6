# Conditional expressions: nesting, laziness, use in various contexts.
def label(n):
    return "neg" if n < 0 else "zero" if n == 0 else "small" if n < 10 else "big"

for n in (-5, 0, 3, 10, 1000):
    print(n, label(n))

def boom():
    raise RuntimeError("should not be evaluated")

print(1 if True else boom())
print(boom() if False else 2)
xs = [x if x % 2 else -x for x in range(8)]
print(xs)
f = (lambda a: "odd" if a % 2 else "even")
print([f(i) for i in range(4)])
print(("yes" if [] else "no"), ("yes" if [0] else "no"))
d = {"k": 1}
print(d["k"] if "k" in d else None, d["z"] if "z" in d else None)
val = (1 if 0 else 2) + (3 if 1 else 4)
print(val)
print((10 if 1 else 20) * 2, 10 if 1 else 20 * 2, 10 if 0 else 20 * 2)
