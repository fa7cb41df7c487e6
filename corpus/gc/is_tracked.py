# gc.is_tracked for atomic values, containers, and lazily untracked tuples/dicts.
import gc
gc.disable()
class K:
    pass
class S:
    __slots__ = ("a",)
for label, obj in [("int", 1), ("float", 1.5), ("str", "s"), ("bytes", b"b"), ("None", None), ("empty list", []),
                   ("list of ints", [1, 2]), ("empty dict", {}), ("dict of ints", {1: 2}), ("dict with list", {1: []}),
                   ("set", {1}), ("frozenset", frozenset()), ("instance", K()), ("slots instance", S()),
                   ("class", K), ("builtin function", print), ("lambda", lambda: 0), ("range", range(3))]:
    print(label, gc.is_tracked(obj))
t = tuple([1, 2, 3])
print("runtime tuple of ints before collect:", gc.is_tracked(t))
gc.collect()
print("after collect:", gc.is_tracked(t))
t2 = tuple([[], 1])
gc.collect()
print("tuple containing a list after collect:", gc.is_tracked(t2))
d = {"a": 1}
print("dict of atomics:", gc.is_tracked(d))
d["b"] = []
print("after inserting a list:", gc.is_tracked(d))
gc.enable()
