# Async generator protocol details: athrow, aclose, hooks, errors, StopAsyncIteration.
import sys


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


async def counter(n):
    try:
        for i in range(n):
            try:
                yield i
            except ValueError as e:
                print("counter caught", e)
                yield -1
    finally:
        print("counter cleanup", n)


async def main():
    g = counter(3)
    print(type(g).__name__, g.ag_running, g.ag_await)
    print(type(g.__anext__()).__name__, type(g.athrow(ValueError)).__name__)
    print(await g.__anext__())
    print(await g.athrow(ValueError("boom")))
    print(await g.asend(None))
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted after aclose")
    print(await g.aclose())

    h = counter(1)
    print([x async for x in h])
    try:
        await h.__anext__()
    except StopAsyncIteration as e:
        print("StopAsyncIteration", e.args)

    async def raiser():
        yield 1
        raise KeyError("k")

    out = []
    try:
        async for v in raiser():
            out.append(v)
    except KeyError as e:
        print("async for propagated", repr(e), out)

    async def stubborn():
        try:
            yield 1
        except GeneratorExit:
            yield 2

    s = stubborn()
    await s.__anext__()
    try:
        await s.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)

    aw = counter(2).__anext__()
    print(await aw)
    try:
        await aw
    except RuntimeError as e:
        print("RuntimeError:", e)

    async def bad_stop():
        yield 1
        raise StopAsyncIteration

    b = bad_stop()
    await b.__anext__()
    try:
        await b.__anext__()
    except RuntimeError as e:
        print("RuntimeError:", e, type(e.__cause__).__name__)

    class Ticks:
        def __init__(self, n):
            self.n = n

        def __aiter__(self):
            return self

        async def __anext__(self):
            if self.n == 0:
                raise StopAsyncIteration
            self.n -= 1
            return self.n

    print([t async for t in Ticks(3)])
    for bad in (1, Ticks):
        try:
            async for _ in bad:
                pass
        except TypeError as e:
            print("TypeError:", e)

    class NoNext:
        def __aiter__(self):
            return 5

    try:
        async for _ in NoNext():
            pass
    except TypeError as e:
        print("TypeError:", e)


run(main())

seen = []
old = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(firstiter=lambda g: seen.append(("first", g.__name__)), finalizer=None)


async def hooked():
    yield "x"


print("hooks")
hg = hooked()
try:
    hg.asend(None).send(None)
except StopIteration as e:
    print("value", e.value)
print(seen)
sys.set_asyncgen_hooks(*old)
print(sys.get_asyncgen_hooks() == old)
try:
    sys.set_asyncgen_hooks(firstiter=3)
except TypeError as e:
    print("TypeError:", e)
