# A tiny round-robin scheduler running several coroutines to completion.
class Yield:
    def __await__(self):
        yield
async def worker(name, steps, log):
    total = 0
    for i in range(steps):
        total += i
        log.append("%s:%d" % (name, i))
        await Yield()
    return name, total
def run(coros):
    results = {}
    queue = list(coros)
    while queue:
        c = queue.pop(0)
        try:
            c.send(None)
            queue.append(c)
        except StopIteration as e:
            name, total = e.value
            results[name] = total
    return results
log = []
print(run([worker("a", 3, log), worker("b", 5, log), worker("c", 1, log)]))
print(log)
