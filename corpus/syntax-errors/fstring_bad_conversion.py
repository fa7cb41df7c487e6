# An f-string with an unknown conversion character.
x = 1
print(f"{x!z}")
