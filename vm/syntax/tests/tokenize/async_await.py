async def f():
    await g()
    async with a as b:
        async for x in y:
            pass
async = 1
await = 2
