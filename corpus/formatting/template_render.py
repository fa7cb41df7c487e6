# A tiny template renderer using str.format_map and a missing-key dict.
class Defaulting(dict):
    def __missing__(self, key):
        return "<" + key + "?>"
tmpl = "Dear {title} {name},\nYour balance is {balance:,.2f} ({status})."
ctx = Defaulting(title="Dr.", name="Who", balance=1234567.891)
print(tmpl.format_map(ctx))
print("{a}{b}".format_map({"a": 1, "b": 2}))
try:
    "{x}".format_map({})
except KeyError as e:
    print("KeyError:", e)
class Obj:
    name = "obj-name"
    vals = (10, 20)
print("{o.name} {o.vals[1]}".format(o=Obj))
rows = [{"k": i, "v": i * i} for i in range(4)]
print("\n".join("{k:>3}: {v:<4}|".format(**r) for r in rows))
