# Reachable cycles are not collected; only unreachable ones are.
import gc
gc.disable()
gc.collect()
class N:
    pass
kept = N()
kept.me = kept
holder = [N()]
holder[0].back = holder
print("reachable cycles:", gc.collect())
print(kept.me is kept, holder[0].back is holder)
del kept
print("after del kept:", gc.collect())
holder.clear()
print("after clearing holder (instance freed by refcounting):", gc.collect())
gc.enable()
