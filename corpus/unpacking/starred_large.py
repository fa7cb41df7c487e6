# Starred unpacking of long sequences and generators.
head, *body, tail = range(1000)
print(head, len(body), body[:3], body[-3:], tail)
*init, last = (x * x for x in range(50))
print(len(init), last, sum(init))
a, b, *c = "abcdefghijklmnopqrstuvwxyz"
print(a, b, "".join(c))
args = list(range(300))
def count(*xs):
    return len(xs), xs[-1]
print(count(*args), count(*args, *args))
print(len([*range(2000)]), len({*range(2000)}))
