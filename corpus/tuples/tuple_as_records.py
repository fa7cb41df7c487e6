# Tuples as lightweight records: grouping, sorting, aggregating.
sales = [("north", "apples", 120), ("south", "pears", 80), ("north", "pears", 45), ("east", "apples", 200),
         ("south", "apples", 30), ("east", "plums", 15)]
by_region = {}
for region, fruit, qty in sales:
    by_region[region] = by_region.get(region, 0) + qty
print(sorted(by_region.items(), key=lambda t: (-t[1], t[0])))
best = max(sales, key=lambda t: t[2])
print("best:", best, "region:", best[0])
fruits = sorted({f for _, f, _ in sales})
print(fruits)
table = tuple((f, sum(q for _, g, q in sales if g == f)) for f in fruits)
print(table, dict(table)["apples"])
regions, names, qtys = zip(*sales)
print(regions, sum(qtys), len(set(names)))
