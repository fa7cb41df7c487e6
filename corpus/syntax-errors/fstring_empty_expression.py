# An f-string with an empty replacement field.
name = "x"
print(f"hello {}")
