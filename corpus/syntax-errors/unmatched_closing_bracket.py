# A stray closing bracket.
x = [1, 2]]
