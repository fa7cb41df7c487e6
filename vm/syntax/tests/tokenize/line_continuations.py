x = 1 + \
    2
if x and \
   y:
    pass
s = 'abc\
def'
t = '''a\
b'''
u = 1 + \
 2
v = 'x\
y'
\

w = \
