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


def nonlocal_del():
    z = 4
    def killer():
        nonlocal z
        del z
    def reader():
        return z
    killer()
    try:
        reader()
    except NameError as e:
        print(type(e).__name__ + ": " + str(e))


nonlocal_del()


def del_twice():
    w = 0
    del w
    try:
        del w
    except UnboundLocalError as e:
        print(type(e).__name__ + ": " + str(e))


del_twice()
g = 5
del g
try:
    g
except NameError as e:
    print(type(e).__name__ + ": " + str(e))
