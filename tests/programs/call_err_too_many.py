# Uncaught: too many positional arguments.
def pair(a, b=0):
    return a, b


print(pair(1, 2))
pair(1, 2, 3)
