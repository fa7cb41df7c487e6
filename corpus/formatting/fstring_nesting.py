# f-strings nested in f-strings, with quotes, dict access and calls.
data = {"a": [1, 2], "b": {"c": "deep"}}
print(f"{data['a'][1]} {data['b']['c']} {data['a'] if False else 'x'}")
val = 12.3456
for p in range(4):
    print(f"{f'{val:.{p}f}':>10}|")
names = ["ann", "bob"]
print(f"{', '.join(f'<{n.title()}>' for n in names)}")
print(f"{'{'}{'}'}", f"{chr(10)!r}")
def g(x, *, sep="-"):
    return sep.join(str(x) * 2)
print(f"{g(5)} {g(5, sep='+')} {g(x=7)}")
print(f"""triple {names[0]!r:>6}
second line {len(names)}""")
w = 3
print(f"{'x':{w}}|{1:{w}}|{1.5:{w}.{w - 2}}|")
