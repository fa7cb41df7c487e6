# continue in an if, not in a loop.
x = 1
if x:
    continue
