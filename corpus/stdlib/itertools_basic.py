# stdlib: itertools infinite and terminating iterators.
import itertools as it
print(list(it.islice(it.count(10, 3), 5)), list(it.islice(it.cycle("ab"), 5)), list(it.repeat("x", 3)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate([1, 2, 3], initial=100)))
print(list(it.chain("ab", [1, 2])), list(it.chain.from_iterable(["xy", "z"])), list(it.compress("abcdef", [1, 0, 1, 0, 1])))
print(list(it.dropwhile(lambda v: v < 3, [1, 2, 3, 1])), list(it.takewhile(lambda v: v < 3, [1, 2, 3, 1])), list(it.filterfalse(None, [0, 1, 0, 2])))
print([(k, list(g)) for k, g in it.groupby("aaabccdd")], [(k, len(list(g))) for k, g in it.groupby(sorted("mississippi"))])
print(list(it.islice(range(20), 2, 12, 3)), list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.zip_longest("ab", "xyz", fillvalue="-")))
a, b = it.tee(iter([1, 2, 3]))
print(list(a), list(b), list(it.pairwise("abcd")))
