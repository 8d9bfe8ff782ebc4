# del through nonlocal empties the shared cell; del twice; del of a global. Messages caught.
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
    try:
        print(z)
    except NameError as e:
        print(type(e).__name__ + ": " + str(e))
    z = "rebound"
    print(reader())


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
