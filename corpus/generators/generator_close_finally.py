# Generators closed early run their finally blocks; abandoned generators too (via refcount).
def resource(name):
    print("open", name)
    try:
        for i in range(10):
            yield i
    finally:
        print("close", name)
for x in resource("loop"):
    if x == 2:
        break
print("after loop")
g = resource("explicit")
next(g)
g.close()
g2 = resource("dropped")
next(g2)
del g2
print("after del")
def first(it):
    for x in it:
        return x
print(first(resource("first")))
print(list(zip(resource("zip-a"), "ab")))
