# Uncaught: calling something that is not callable.
value = 42
funcs = [len, value]
print(funcs[0]("abc"))
funcs[1]()
