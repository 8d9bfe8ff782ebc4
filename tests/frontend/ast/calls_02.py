f(x for x in y)
f((x for x in y), 1)
print("a", "b", sep=", ", end="")
