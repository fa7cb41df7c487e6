# Indentation mixing tabs and spaces inconsistently.
def f(x):
    if x:
	return 1
    return 0
