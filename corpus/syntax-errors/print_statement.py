# A Python 2 print statement.
name = "py"
print "hello", name
