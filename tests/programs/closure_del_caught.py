# del of locals and captured variables, with the 3.11 messages caught and printed.
def local_case():
    x = 1
    del x
    try:
        return x
    except UnboundLocalError as e:
        return type(e).__name__ + ": " + str(e)


print(local_case())


def captured_case():
    y = 2
    def inner():
        return y
    del y
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ": " + str(e))
    try:
        y
    except NameError as e:
        print(type(e).__name__ + ": " + str(e))
    y = 3
    print(inner())


captured_case()


def del_param(p):
    keep = lambda: p
    del p
    try:
        keep()
    except NameError as e:
        print(type(e).__name__ + ": " + str(e))


del_param(1)
