# The caret line under a failing binary operation whose left operand is a float literal
# with a signed exponent: the '+' of '7.187e+19' is part of the number, not the operator.
a = 2.5e+3 - 1e-2
print(a)
print(0xE+1, 1_0e-1 * 2)
print(7.187e+19 % 3.0)
print(7.187e+19 % -0.0)
