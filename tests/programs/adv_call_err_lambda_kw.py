# Uncaught: a lambda stored in a dict, called with an unexpected keyword argument.
ops = {
    "double": lambda x: x * 2,
    "neg": lambda x: -x,
}
for name in sorted(ops):
    print(name, ops[name](21))
print(ops["double"](x=4))
print(ops["neg"](y=4))
print("not reached")
