# try with neither except nor finally.
try:
    x = 1
y = 2
