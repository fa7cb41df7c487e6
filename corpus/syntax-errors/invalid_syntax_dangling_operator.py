# An expression ending in an operator.
y = 3 +
print(y)
