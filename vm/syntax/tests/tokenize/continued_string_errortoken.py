x = 'abc\
def
ghi'
y = '''a
b'''
z = 1
