# Uncaught: a global name read before a later local assignment.
total = 0


def add(n):
    total = total + n
    return total


print("calling add")
add(1)
