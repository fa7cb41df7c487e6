# An opening parenthesis never closed before the end of the file.
print("start")
value = max(1, 2,
            3
