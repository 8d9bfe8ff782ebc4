def f():
        pass
	pass
