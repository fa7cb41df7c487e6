# sys.getrecursionlimit/setrecursionlimit and their effect on RecursionError.
import sys
old = sys.getrecursionlimit()
print(old)
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
sys.setrecursionlimit(200)
d1 = depth(0)
sys.setrecursionlimit(400)
d2 = depth(0)
print(d2 - d1)
sys.setrecursionlimit(old)
print(sys.getrecursionlimit())
for bad in (0, -5):
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    sys.setrecursionlimit("x")
except TypeError as e:
    print("TypeError:", e)
