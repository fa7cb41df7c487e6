# A list display missing a comma between items.
values = [1, 2, 3
          4, 5]
print(sum(values))
