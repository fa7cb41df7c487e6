# gc.freeze moves tracked objects to a permanent generation that is ignored.
import gc
gc.disable()
gc.collect()
class N:
    pass
a = N()
a.me = a
gc.freeze()
print("frozen count positive:", gc.get_freeze_count() > 0)
del a
print("frozen cycle not collected:", gc.collect())
gc.unfreeze()
print("after unfreeze:", gc.get_freeze_count())
print("now collected:", gc.collect())
gc.enable()
