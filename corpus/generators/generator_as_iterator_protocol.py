# Generators used by builtins: zip/enumerate/map/dict/sorted/unpacking/in.
def letters():
    yield from "dcab"
print(sorted(letters()), list(enumerate(letters())), dict(zip(letters(), range(4))))
a, b, *rest = letters()
print(a, b, rest, "a" in letters(), "z" in letters())
print(max(letters()), min(letters()), "".join(reversed(list(letters()))))
print(list(map(str.upper, letters())), tuple(filter(lambda c: c > "b", letters())))
print(set(letters()) == set("abcd"), len(list(letters())))
g = letters()
for c in g:
    if c == "c":
        break
print(list(g))
