# gc.get_count() counts container allocations minus deallocations in generation 0
# (free-list reuse is neither). Counts are recorded first and printed at the end:
# printing allocates containers inside the io stack.
import gc
gc.disable()
gc.collect()
start = gc.get_count()[0]
keep = [[] for _ in range(100)]
after_lists = gc.get_count()[0] - start
keep2 = [{} for _ in range(50)]
after_dicts = gc.get_count()[0] - start
del keep2
after_free = gc.get_count()[0] - start
atoms = [i * 1000 for i in range(100)]
after_ints = gc.get_count()[0] - start
pairs = [(i, i) for i in range(30)]
after_tuples = gc.get_count()[0] - start
del pairs
pairs = [(i, i) for i in range(30)]
after_reuse = gc.get_count()[0] - start
gc.collect()
after_collect = gc.get_count()
gc.enable()
print("after 100 lists (+ the outer list):", after_lists)
print("after 50 dicts:", after_dicts)
print("after freeing the dicts (they go to a free list):", after_free)
print("ints are not counted:", after_ints)
print("30 pairs:", after_tuples)
print("30 pairs again, from the free list:", after_reuse)
print("after collect:", after_collect)
