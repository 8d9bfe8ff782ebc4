def outer():
	x = 'python'
	
	def inner():
		print("{0} rocks!".format(x))
