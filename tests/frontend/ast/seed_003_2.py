def outer():
	x = 'python'
	
	def inner():
		print("{0} rocks!".format(x))	# x refers to the x in outer's scope; nonlocal variable
	
	inner()
outer()		# => python rocks!
