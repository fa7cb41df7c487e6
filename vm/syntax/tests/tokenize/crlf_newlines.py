def f():
    return (1,
            2)

# comment
x = '''a
b'''
