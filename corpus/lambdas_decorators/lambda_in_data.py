# Lambdas stored in dicts and lists as dispatch tables.
ops = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "pow": lambda a, b: a ** b,
    "cmp": lambda a, b: (a > b) - (a < b),
}
for name in sorted(ops):
    print(name, ops[name](7, 3), ops[name](2, 5))
def evaluate(tokens):
    prec = {"+": 1, "-": 1, "*": 2, "/": 2}
    fn = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a // b}
    out, st = [], []
    for t in tokens:
        if t.isdigit():
            out.append(int(t))
        else:
            while st and prec[st[-1]] >= prec[t]:
                b, a = out.pop(), out.pop()
                out.append(fn[st.pop()](a, b))
            st.append(t)
    while st:
        b, a = out.pop(), out.pop()
        out.append(fn[st.pop()](a, b))
    return out[0]
print(evaluate("2 + 3 * 4 - 10 / 5".split()), evaluate("7 - 2 - 1".split()))
