# one
#two
   # three
	# four
