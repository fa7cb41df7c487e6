# random with fixed seeds: the Mersenne Twister state, random(), getrandbits() and the
# random.py methods built on them must give CPython's exact numbers.
import random

for seed in [0, 1, 42, -7, 2 ** 40 + 3, 12345678901234567890]:
    r = random.Random(seed)
    print(seed, [r.random() for _ in range(3)])
    print("  bits", [r.getrandbits(k) for k in (1, 7, 32, 33, 64, 100)])
    print("  randrange", [r.randrange(1000) for _ in range(5)], r.randint(-10, 10))
    print("  choice", r.choice("abcdefg"), r.sample(range(100), 5))
    xs = list(range(10))
    r.shuffle(xs)
    print("  shuffle", xs, round(r.uniform(1, 2), 12), round(r.gauss(0, 1), 12))

random.seed(2024)
print(random.random(), random.randrange(10, 100, 7), random.choices("xyz", k=6))
r = random.Random(5)
state = r.getstate()
a = [r.random() for _ in range(5)]
r.setstate(state)
print(a == [r.random() for _ in range(5)], len(state), state[0], len(state[1]))
r.seed(5)
print(r.random() == a[0])
import _random
g = _random.Random(99)
print(g.random(), g.getrandbits(40), g.getstate()[-1])
for bad in [lambda: g.getrandbits(-1), lambda: g.setstate((1, 2)), lambda: g.setstate([0])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
