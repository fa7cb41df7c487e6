# any/all/next with generators stop consuming early.
consumed = []
def gen(xs):
    for x in xs:
        consumed.append(x)
        yield x
print(any(x > 2 for x in gen([1, 2, 3, 4, 5])), consumed)
consumed.clear()
print(all(x < 3 for x in gen([1, 2, 3, 4, 5])), consumed)
consumed.clear()
print(next((x for x in gen(range(100)) if x * x > 50), None), consumed)
consumed.clear()
print(next((x for x in gen([]) if x), "default"), consumed)
it = gen("abcdef")
consumed.clear()
print("c" in it, consumed, list(it))
