# iter() with one argument and the two-argument callable/sentinel form; next() defaults.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "sentinel-default"))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
lines = iter(["a", "b", "", "c"])
print(list(iter(lambda: next(lines), "")))
print(type(iter("")).__name__, type(iter([])).__name__, type(iter(())).__name__, type(iter({})).__name__, type(iter(range(1))).__name__, type(iter(set())).__name__)
for call in (lambda: iter(5), lambda: iter(5, 1), lambda: next([1]), lambda: next(iter([]))):
    try:
        call()
    except (TypeError, StopIteration) as e:
        print(type(e).__name__, e)
d = {"a": 1}
it = iter(d)
print(next(it))
print(iter(it) is it)
