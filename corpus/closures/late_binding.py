# Closures capture variables, not values: the classic late-binding loop.
fs = [lambda: i for i in range(4)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(4)]
print([g() for g in gs])
def make(n):
    return lambda: n
hs = [make(i) for i in range(4)]
print([h() for h in hs])
funcs = []
for j in range(3):
    funcs.append(lambda: j)
j = 99
print([f() for f in funcs])
def outer():
    x = 1
    def get():
        return x
    x = 2
    r1 = get()
    x = 3
    return r1, get()
print(outer())
