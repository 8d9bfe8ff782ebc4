# Uncaught: NameError with a suggestion for a close global name.
counter_value = 3


def show():
    return counter_valu + 1


print("before")
print(show())
