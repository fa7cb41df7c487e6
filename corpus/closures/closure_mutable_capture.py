# Mutating captured containers without nonlocal; rebinding requires nonlocal.
def make():
    log = []
    state = {"n": 0}
    def record(msg):
        log.append(msg)
        state["n"] += 1
        return len(log)
    def reset():
        log.clear()
        state["n"] = 0
    return record, reset, log, state
record, reset, log, state = make()
record("a"); record("b")
print(log, state)
reset()
print(log, state)
def rebind_fail():
    items = []
    def add():
        try:
            items += [1]
        except UnboundLocalError as e:
            return "UnboundLocalError: " + str(e)
    return add()
print(rebind_fail())
