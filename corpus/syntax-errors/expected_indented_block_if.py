# An if statement followed by an unindented line.
x = 5
if x > 3:
print("big")
