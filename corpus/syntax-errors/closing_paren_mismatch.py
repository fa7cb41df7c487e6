# A closing parenthesis that does not match the opening bracket.
x = [1, 2, 3)
