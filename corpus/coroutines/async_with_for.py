# async with and async for using hand-written asynchronous context managers and iterators.
class Nothing:
    def __await__(self):
        return iter(())
class AsyncCM:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("aenter", self.name)
        await Nothing()
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        print("aexit", self.name, et.__name__ if et else None)
        return et is KeyError
class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n
async def main():
    async with AsyncCM("a") as v:
        print("body", v)
    async with AsyncCM("b"):
        raise KeyError("suppressed")
    out = []
    async for x in Countdown(4):
        out.append(x)
    else:
        out.append("else")
    return out
c = main()
try:
    c.send(None)
except StopIteration as e:
    print("result:", e.value)
