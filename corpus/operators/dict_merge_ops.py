# dict | and |= (PEP 584).
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b)
print(b | a)
c = a.copy()
c |= b
print(c)
c |= [("w", 0)]
print(c)
try:
    a | [("k", 1)]
except TypeError as e:
    print("TypeError:", e)
class D(dict):
    pass
r = D(a) | b
print(type(r).__name__, r)
e = {}
e |= {}
print(e, {} | {}, a | {} == a)
print(list((a | b).keys()))
