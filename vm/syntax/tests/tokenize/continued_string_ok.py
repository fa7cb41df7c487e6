x = 'abc\
def\
ghi' + "j\
k"
