# gi_running, gi_frame, gi_code and generator identity across states.
def g():
    yield 1
    yield 2
gen = g()
print(gen.gi_running, gen.gi_frame is not None, gen.gi_code.co_name, gen.__name__, gen.__qualname__)
print(gen.gi_frame.f_lasti >= -1, gen.gi_yieldfrom)
next(gen)
print(gen.gi_frame.f_lineno)
list(gen)
print(gen.gi_frame)
def self_ref():
    yield me.gi_running
me = self_ref()
print(next(me))
def reentrant():
    yield next(r)
r = reentrant()
try:
    next(r)
except ValueError as e:
    print("ValueError:", e)
print(iter(gen) is gen, hasattr(gen, "__next__"), hasattr(gen, "send"))
