# Unbounded recursion raises RecursionError, which can be caught and recovered from.
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
def count(n):
    try:
        return count(n + 1)
    except RecursionError:
        return n
a = count(0)
b = count(0)
print(a == b, a > 900)
class Loop:
    def __getattr__(self, name):
        return getattr(self, name + "x")
try:
    Loop().a
except RecursionError as e:
    print("RecursionError via __getattr__:", str(e)[:40])
print("program continues normally")
print(sum(range(10)))
