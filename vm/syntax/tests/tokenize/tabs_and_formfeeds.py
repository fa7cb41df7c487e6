if x:
	if y:
		pass
	        pass
z = 1
if a:
    b = 2
    
	 c = 3
