# gc.get_count() counts container allocations minus deallocations in generation 0.
import gc
gc.disable()
gc.collect()
start = gc.get_count()[0]
keep = [[] for _ in range(100)]
print("after 100 lists (+ the outer list):", gc.get_count()[0] - start)
keep2 = [{} for _ in range(50)]
print("after 50 dicts:", gc.get_count()[0] - start)
del keep2
print("after freeing the dicts:", gc.get_count()[0] - start)
atoms = [i * 1000 for i in range(100)]
print("ints are not counted:", gc.get_count()[0] - start)
gc.collect()
print("after collect:", gc.get_count())
gc.enable()
