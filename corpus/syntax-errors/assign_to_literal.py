# Assigning to a number.
x = 1
1 = x
