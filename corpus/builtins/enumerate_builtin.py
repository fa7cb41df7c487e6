# enumerate(): start values, iterator behaviour, laziness.
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate("ab", -5)), list(enumerate([], 3)))
print(list(enumerate("ab", start=10 ** 20)))
e = enumerate(["x", "y"])
print(next(e), next(e), next(e, "done"), iter(e) is e, type(e).__name__)
def gen():
    print("gen started")
    yield "only"
en = enumerate(gen())
print("enumerate created")
print(list(en))
for i, (a, b) in enumerate(zip("ab", "cd")):
    print(i, a, b)
print(dict(enumerate("xyz")))
try:
    enumerate(5)
except TypeError as e:
    print("TypeError:", e)
try:
    enumerate("a", "1")
except TypeError as e:
    print("TypeError:", e)
