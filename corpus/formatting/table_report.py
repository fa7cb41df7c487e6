# A formatted text table: alignment, widths computed at run time.
rows = [("apple", 3, 1.5), ("banana", 12, 0.25), ("cherry", 150, 12.0), ("kiwi", 7, 0.333)]
headers = ("fruit", "qty", "price")
w0 = max(len(r[0]) for r in rows + [headers])
print(f"{headers[0]:<{w0}} | {headers[1]:>5} | {headers[2]:>8} | {'total':>9}")
print("-" * (w0 + 31))
grand = 0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print(f"{name:<{w0}} | {qty:>5d} | {price:>8.3f} | {total:>9,.2f}")
print("=" * (w0 + 31))
print(f"{'TOTAL':<{w0}} | {sum(r[1] for r in rows):>5} | {'':>8} | {grand:>9,.2f}")
print("%-*s|%*.1f%%" % (w0, "share", 8, 100 * rows[2][1] / sum(r[1] for r in rows)))
