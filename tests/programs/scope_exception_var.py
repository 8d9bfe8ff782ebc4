# The name bound by "except ... as e" is deleted at the end of the handler.
e = "outer e"
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", type(e).__name__)
try:
    print(e)
except NameError as err:
    print(type(err).__name__, err)


def f():
    err = "before"
    try:
        raise KeyError("k")
    except KeyError as err:
        saved = err
    try:
        return err
    except UnboundLocalError as u:
        return "UnboundLocalError " + str(u) + " | saved " + repr(saved)


print(f())
