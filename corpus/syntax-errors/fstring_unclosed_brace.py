# An f-string replacement field never closed.
value = 3
print(f"value: {value")
