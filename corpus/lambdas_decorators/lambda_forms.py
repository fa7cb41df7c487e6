# Lambda syntax: defaults, *args, **kwargs, kw-only, conditional bodies.
f = lambda: "no args"
g = lambda a, b=2, *args, c=3, **kw: (a, b, args, c, kw)
h = lambda x: "pos" if x > 0 else "neg" if x < 0 else "zero"
po = lambda a, /, b: (a, b)
print(f(), g(1), g(1, 2, 3, c=4, d=5), [h(v) for v in (1, -1, 0)], po(1, b=2))
print((lambda *a: sum(a))(1, 2, 3), (lambda **k: sorted(k))(z=1, a=2))
print(sorted([(2, "b"), (1, "c"), (3, "a")], key=lambda t: t[1]))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6])))
print((lambda: (yield))().__class__.__name__)
print((lambda x: (lambda y: x * y))(3)(4))
print(f.__name__, g.__code__.co_argcount, g.__defaults__, g.__kwdefaults__)
