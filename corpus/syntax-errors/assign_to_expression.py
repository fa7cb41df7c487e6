# Assigning to an arithmetic expression.
a, b = 1, 2
a + b = 3
