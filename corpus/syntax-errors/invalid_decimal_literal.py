# A number immediately followed by letters.
count = 3items
