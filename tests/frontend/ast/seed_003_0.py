def multiply_by(x):
	def inner(y):
		return x * y
	return inner

multiply_by_two = multiply_by(2)

multiply_by_two(10) #20
