# Assigning anywhere in a function makes the name local everywhere in it.
x = 10


def reads_then_assigns():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__ + ":", e)
    x = 5
    return x


print(reads_then_assigns())


def augmented():
    try:
        x += 1
    except UnboundLocalError as e:
        print(type(e).__name__ + ":", e)


augmented()


def conditional(flag):
    if flag:
        y = "assigned"
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)


print(conditional(True))
print(conditional(False))


def in_loop():
    for i in range(0):
        pass
    try:
        return i
    except UnboundLocalError as e:
        return str(e)


print(in_loop())
print(isinstance(UnboundLocalError("m"), NameError))
