# Coroutines driven by hand with send(None): await on a custom awaitable.
class Suspend:
    def __init__(self, label):
        self.label = label
    def __await__(self):
        value = yield self.label
        return "resumed with %r" % (value,)
async def inner(x):
    r = await Suspend("inner-" + str(x))
    return x * 10, r
async def outer():
    a = await inner(1)
    b = await inner(2)
    return [a, b]
coro = outer()
print(type(coro).__name__, coro.__name__, coro.__qualname__)
print(coro.send(None))
print(coro.send("first"))
try:
    coro.send("second")
except StopIteration as e:
    print("result:", e.value)
async def never_awaited():
    return 1
c = never_awaited()
c.close()
print("closed without running")
try:
    Suspend("x").__await__().send("not primed")
except TypeError as e:
    print("TypeError:", e)
