# Uncaught: TypeError from adding incompatible types.
def join(a, b):
    return a + b


print(join("a", "b"))
print(join(1, 2))
join("count: ", 3)
