# A backslash inside an f-string expression (not allowed before 3.12).
words = ["a", "b"]
print(f"{'\n'.join(words)}")
