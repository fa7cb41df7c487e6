# Starred items in list/tuple/set displays with different iterables.
evens = range(0, 10, 2)
odds = (1, 3, 5)
print([*evens, *odds], (*odds, *evens), {*"aab", *"bc"} == {"a", "b", "c"})
print([*[], *[1]], (*(),), [*{"k": "v"}.items()])
nested = [[1, 2], [3]]
print([*nested[0], *nested[1], *[x * 10 for x in nested[0]]])
s = "xyz"
t = (*s[::-1], *s)
print(t, len(t))
print([*map(str.upper, "ab"), *filter(None, [0, 1, 2])])
first, *middle, last = (*"ab", *"cd")
print(first, middle, last)
