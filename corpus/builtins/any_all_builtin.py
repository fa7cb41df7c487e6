# any()/all(): empty iterables, short-circuiting, truthiness.
print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]), any([0, 0.0, 1]), all([1, 0]))
print(any("abc"), all(""), any(x > 3 for x in range(5)), all(x < 5 for x in range(5)))
seen = []
def t(v):
    seen.append(v)
    return v
print(any(t(v) for v in [0, 0, 1, 1]), seen)
seen.clear()
print(all(t(v) for v in [1, 1, 0, 1]), seen)
print(any({0: "a"}), all({1: 0, 2: 0}), any(iter([[]])), all(range(1, 4)))
try:
    any(5)
except TypeError as e:
    print("TypeError:", e)
