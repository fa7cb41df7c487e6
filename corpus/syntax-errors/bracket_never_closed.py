# A list display never closed.
data = [1, 2, 3
print(data)
x = 1
