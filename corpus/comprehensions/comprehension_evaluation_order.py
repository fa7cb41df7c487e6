# The first iterable is evaluated in the enclosing scope, immediately.
log = []
def it(name, vals):
    log.append("iter " + name)
    return vals
def cond(v):
    log.append("cond %r" % (v,))
    return True
def val(v):
    log.append("val %r" % (v,))
    return v
r = [val((a, b)) for a in it("outer", [1, 2]) if cond(a) for b in it("inner", "xy") if cond(b)]
print(r)
for line in log:
    print(line)
log.clear()
g = (val(a) for a in it("genexp", [1]))
print(log)
list(g)
print(log)
log.clear()
d = {val(k): val(v) for k, v in it("dict", [("k", "v")])}
print(log)
