# Subset/superset comparisons form a partial order.
sets = [set(), {1}, {2}, {1, 2}, {1, 2, 3}]
for a in sets:
    print([int(a < b) for b in sets], [int(a <= b) for b in sets], [int(a == b) for b in sets])
print(sorted([{1, 2}, {1}, {3}], key=len))
print(max([{1}, {2}]), min([{1, 2}, {1}]))
print({1} < {1, 2} < {1, 2, 3}, {1} > set(), not ({1} < {2}), not ({1} > {2}))
