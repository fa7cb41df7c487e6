# Common dict idioms: counting, grouping, default, inverting, merging.
pairs = [("fruit", "apple"), ("veg", "kale"), ("fruit", "pear"), ("veg", "leek"), ("nut", "pecan")]
groups = {}
for kind, name in pairs:
    groups.setdefault(kind, []).append(name)
print(groups)
counts = {}
for kind, _ in pairs:
    counts[kind] = counts.get(kind, 0) + 1
print(counts)
defaults = {"color": "red", "size": "M"}
given = {"size": "L", "qty": 2}
print({**defaults, **given}, defaults | given)
inverse = {}
for kind, names in groups.items():
    for n in names:
        inverse[n] = kind
print(inverse)
print(max(counts, key=counts.get), sorted(counts, key=counts.get))
nested = {"a": {"b": {"c": 42}}}
print(nested.get("a", {}).get("b", {}).get("c"), nested.get("x", {}).get("y"))
