# Asynchronous generators: async for, asend, athrow, aclose, driven without an event loop.
def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise RuntimeError("coroutine suspended unexpectedly")
async def ticker(n):
    try:
        for i in range(n):
            received = yield i
            if received:
                print("ticker got", received)
    finally:
        print("ticker finally")
async def consume():
    return [x async for x in ticker(3)]
print(run(consume()))
async def manual():
    g = ticker(5)
    first = await g.__anext__()
    second = await g.asend("hello")
    await g.aclose()
    return first, second
print(run(manual()))
print(type(ticker(1)).__name__)
async def comp():
    evens = [x async for x in ticker(6) if x % 2 == 0]
    squares = {x: x * x async for x in ticker(3)}
    return evens, squares
print(run(comp()))
