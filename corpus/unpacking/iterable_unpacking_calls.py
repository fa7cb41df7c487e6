# * unpacking in calls accepts any iterable, evaluated eagerly in order.
def show(*a):
    return a
def gen(tag, n):
    for i in range(n):
        print("gen", tag, i)
        yield tag + str(i)
print(show(*gen("x", 2), "mid", *gen("y", 1)))
print(show(*{"k": 1, "j": 2}), show(*"ab", *b"c", *range(2), *{5}))
print(show(*[]), show(*()), show(*iter([1])))
try:
    show(*5)
except TypeError as e:
    print("TypeError:", e)
print(max(*[1, 5, 3]), "-".join([*"abc", *"de"]))
