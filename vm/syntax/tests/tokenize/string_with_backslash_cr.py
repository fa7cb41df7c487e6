x = 'a\b'
y = 'c\
d'
