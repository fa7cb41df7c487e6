# A for loop whose body is missing at the end of the file.
for i in range(3):
