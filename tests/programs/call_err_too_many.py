# Uncaught: too many positional arguments from * unpacking.
def pair(a, b=0):
    return a, b


print(pair(1))
print(pair(1, 2))
args = [1, 2]
print(pair(*args))
args.append(3)
print("args now", args)
pair(*args)
