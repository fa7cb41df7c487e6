# A single '}' in an f-string.
x = 1
s = f"x = {x} }"
