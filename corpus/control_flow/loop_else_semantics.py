# else clauses on loops run only when no break happened.
def search(items, target):
    for i, x in enumerate(items):
        if x == target:
            print("found at", i)
            break
    else:
        print("not found")
search([1, 2, 3], 2)
search([1, 2, 3], 9)
search([], 1)
n = 0
while n < 3:
    n += 1
    if n == 10:
        break
else:
    print("while else ran, n =", n)
def ret_in_loop():
    for i in range(3):
        if i == 1:
            return "returned"
    else:
        return "else"
print(ret_in_loop())
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print("finally", i)
else:
    print("not printed")
for i in range(2):
    continue
else:
    print("else after continue-only loop")
