# A single-quoted string cut off at the end of a line.
items = ['a', 'b, 'c']
