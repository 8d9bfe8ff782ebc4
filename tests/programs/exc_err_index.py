# Uncaught: IndexError from a list.
items = [10, 20, 30]
print(items[-1], items[2])
print(items[3])
