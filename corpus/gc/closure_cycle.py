# Functions that refer to themselves through closure cells form cycles.
import gc
gc.disable()
gc.collect()
def make_recursive():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact
f = make_recursive()
print(f(10))
del f
print("self-referencing closure:", gc.collect())
def make_pair():
    def ping(n):
        return "done" if n == 0 else pong(n - 1)
    def pong(n):
        return "done" if n == 0 else ping(n - 1)
    return ping
p = make_pair()
print(p(5))
del p
print("mutually recursive closures:", gc.collect())
def no_cycle():
    x = 1
    def get():
        return x
    return get
g = no_cycle()
del g
print("closure without a cycle:", gc.collect())
gc.enable()
