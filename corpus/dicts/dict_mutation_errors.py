# Errors from changing a dict during iteration.
d = {i: i for i in range(5)}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)
d = {i: i for i in range(5)}
for k in list(d):
    if k % 2:
        del d[k]
print(d)
d = {"a": 1}
for k in d:
    d[k] = 2
print(d)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
d = {1: 1}
try:
    for k in d.keys():
        d.pop(k)
        d[k + 1] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)
