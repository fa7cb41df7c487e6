# Errors from awaiting non-awaitables and from bad __await__ implementations.
class NotAwaitable:
    pass
class BadAwait:
    def __await__(self):
        return 5
async def await_it(obj):
    return await obj
for obj in (NotAwaitable(), BadAwait(), 3):
    c = await_it(obj)
    try:
        c.send(None)
    except TypeError as e:
        print("TypeError:", e)
class NoAiter:
    pass
async def loop_it():
    async for _ in NoAiter():
        pass
try:
    loop_it().send(None)
except TypeError as e:
    print("TypeError:", e)
async def with_it():
    async with NoAiter():
        pass
try:
    with_it().send(None)
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)
