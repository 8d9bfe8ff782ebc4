# create a closure
def make_multiplier(coefficient):	# outer function
	product = 1
	
	def multiplier():		# nested function
		nonlocal product		# non local variable
		product *= coefficient
		return product
	
	return multiplier		# outer function returns inner function
	
	
multiplier3 = make_multiplier(3)
