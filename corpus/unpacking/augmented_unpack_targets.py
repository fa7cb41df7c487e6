# Assignment target evaluation order for subscripts and attributes during unpacking.
log = []
class Tracker:
    def __setitem__(self, k, v):
        log.append(("setitem", k, v))
    def __setattr__(self, k, v):
        log.append(("setattr", k, v))
t = Tracker()
def key(k):
    log.append(("key", k))
    return k
t[key(1)], t.attr, t[key(2)] = "a", "b", "c"
for entry in log:
    print(entry)
log.clear()
(t[key("x")], t[key("y")]), t.z = ("p", "q"), "r"
for entry in log:
    print(entry)
