# stdlib: itertools combinatoric generators.
import itertools as it
print(list(it.product("ab", repeat=2)), len(list(it.product(range(3), range(4), range(2)))))
print(list(it.permutations("abc")), list(it.permutations(range(4), 2))[:5], len(list(it.permutations(range(6)))))
print(list(it.combinations("abcd", 2)), list(it.combinations(range(5), 3))[-1])
print(list(it.combinations_with_replacement("abc", 2)))
print(sum(1 for c in it.combinations(range(20), 3) if sum(c) % 7 == 0))
words = ["".join(p) for p in it.permutations("tea")]
print(sorted(words))
