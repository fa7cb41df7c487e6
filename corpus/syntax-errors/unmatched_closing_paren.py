# A closing parenthesis without an opener.
result = (1 + 2))
print(result)
