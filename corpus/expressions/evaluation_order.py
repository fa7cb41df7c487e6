# Left-to-right evaluation order of operands, arguments, subscripts and assignments.
log = []
def t(x):
    log.append(x)
    return x

def show(label):
    print(label, log)
    log.clear()

t(1) + t(2) * t(3)
show("binop")
t(2) ** t(3) ** t(1)
show("power")
def f(*a, **k):
    return a, k
f(t("a"), t("b"), k=t("c"), *[t("d")], **{"e": t("e")})
show("call")
d = {}
d[t("key")] = t("value")
show("subscript assign")
{t("k1"): t("v1"), t("k2"): t("v2")}
show("dict display")
[t(i) for i in range(3)]
show("listcomp")
a = [0, 0, 0]
i = 0
i, a[i] = 1, 2
print(a, i)
x = y = t("chain")
show("chained assignment")
t("cond") if t("test") else t("other")
show("conditional")
t([1, 2])[t(0)]
show("index")
t(1) < t(2) < t(0) < t(5)
show("chained compare")
