# del of locals and captured variables, and the 3.11 messages when they are read afterwards.
def del_local():
    x = 1
    del x
    try:
        return x
    except UnboundLocalError as e:
        return type(e).__name__ + ": " + str(e)

print(del_local())

def del_captured():
    x = 1
    def inner():
        return x
    del x
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    try:
        print(x)
    except NameError as e:
        print(type(e).__name__ + ":", e)
    x = 2
    return inner()

print(del_captured())

def del_twice():
    y = 0
    del y
    try:
        del y
    except NameError as e:
        print(type(e).__name__ + ":", e)

del_twice()

def nonlocal_del():
    z = "z"
    def killer():
        nonlocal z
        del z
    killer()
    try:
        return z
    except UnboundLocalError as e:
        return "outer sees: " + str(e)

print(nonlocal_del())
g = 5
del g
try:
    g
except NameError as e:
    print(type(e).__name__ + ":", e)
