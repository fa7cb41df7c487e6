# nonlocal outside any function.
nonlocal count
count = 0
