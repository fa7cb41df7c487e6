# Exceptions propagate through await chains; throw() into a suspended coroutine.
class Pause:
    def __await__(self):
        try:
            yield "paused"
        except ValueError as e:
            print("awaitable saw", repr(e))
            raise
async def leaf():
    await Pause()
    return "leaf done"
async def middle():
    try:
        return await leaf()
    except ValueError as e:
        return "middle handled " + str(e)
c = middle()
print(c.send(None))
try:
    c.throw(ValueError("injected"))
except StopIteration as e:
    print("result:", e.value)
async def failing():
    raise KeyError("from coroutine")
async def caller():
    try:
        await failing()
    except KeyError as e:
        return "caught " + repr(e)
try:
    caller().send(None)
except StopIteration as e:
    print(e.value)
async def reuse():
    return 1
r = reuse()
try:
    r.send(None)
except StopIteration:
    pass
try:
    r.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
