def outer(par):
    loc = par

var = 1
outer(var)

print(par)
print(loc)
