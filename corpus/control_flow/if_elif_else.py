# if/elif/else chains and nested conditions.
def classify(n):
    if n < 0:
        kind = "negative"
    elif n == 0:
        kind = "zero"
    elif n % 2 == 0:
        if n > 100:
            kind = "big even"
        else:
            kind = "even"
    else:
        kind = "odd"
    return kind
for n in (-3, 0, 4, 7, 102, 101):
    print(n, classify(n))
x = 5
if x:
    pass
if not x:
    print("unreachable")
else:
    print("else branch")
if x > 3: print("one-liner")
if (x > 1 and
        x < 10):
    print("multi-line condition")
if []:
    print("empty list truthy?")
elif {}:
    print("empty dict truthy?")
else:
    print("neither")
