# A non-ASCII dash that is not an operator.
x = 10 – 3
