# Lambdas returning lambdas; closures over parameters and loop variables.
adder = lambda x: lambda y: x + y
add5 = adder(5)
print(add5(3), adder("a")("b"), adder(1)(adder(2)(3)))
mults = [(lambda k: lambda x: x * k)(k) for k in range(1, 4)]
print([m(10) for m in mults])
Y = lambda f: (lambda x: x(x))(lambda x: f(lambda *a: x(x)(*a)))
fact = Y(lambda self: lambda n: 1 if n < 2 else n * self(n - 1))
print(fact(10))
pair = lambda a, b: lambda pick: pick(a, b)
first = lambda p: p(lambda a, b: a)
second = lambda p: p(lambda a, b: b)
p = pair("left", "right")
print(first(p), second(p))
