# RecursionError from deeply nested data in repr() and ==, caught.
import sys
nested = []
for _ in range(100000):
    nested = [nested]
try:
    repr(nested)
except RecursionError as e:
    print("RecursionError:", e)
other = []
for _ in range(100000):
    other = [other]
try:
    print(nested == other)
except RecursionError as e:
    print("RecursionError:", e)
d = {}
cur = d
for _ in range(100000):
    cur["k"] = {}
    cur = cur["k"]
try:
    str(d)
except RecursionError as e:
    print("RecursionError:", e)
print("still alive", sys.getrecursionlimit())
