# get/set_threshold and set_threshold(0) disabling automatic collection.
import gc
old = gc.get_threshold()
print(old)
gc.set_threshold(1000)
print(gc.get_threshold())
gc.set_threshold(100, 20)
print(gc.get_threshold())
gc.set_threshold(10, 20, 30)
print(gc.get_threshold())
gc.collect()
found = []
class T:
    def __init__(self):
        self.me = self
    def __del__(self):
        found.append(1)
gc.set_threshold(0)
for _ in range(2000):
    T()
print("threshold 0: nothing collected automatically:", len(found))
gc.collect()
print("manual collect:", len(found))
try:
    gc.set_threshold()
except TypeError as e:
    print("TypeError:", e)
gc.set_threshold(*old)
print(gc.get_threshold() == old)
