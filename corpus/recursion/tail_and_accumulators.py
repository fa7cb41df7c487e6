# Recursive helpers with accumulators; converting recursion to iteration gives equal results.
def rev(s, acc=""):
    return acc if not s else rev(s[1:], s[0] + acc)
def rev_iter(s):
    acc = ""
    for c in s:
        acc = c + acc
    return acc
text = "recursion" * 50
print(rev(text) == rev_iter(text), rev("abc"))
def flatten(x, out=None):
    out = [] if out is None else out
    for item in x:
        if isinstance(item, (list, tuple)):
            flatten(item, out)
        else:
            out.append(item)
    return out
print(flatten([1, [2, (3, [4, [5]])], [[[[6]]]]]))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(2 ** 100, 6 ** 50), gcd(1071, 462))
def power(b, e):
    if e == 0:
        return 1
    half = power(b, e // 2)
    return half * half * (b if e % 2 else 1)
print(power(3, 100) == 3 ** 100, power(2, 0), power(7, 13))
