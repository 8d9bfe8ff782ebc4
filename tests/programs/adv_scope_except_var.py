# "except ... as e" unbinds e at the end of the handler, even if e existed before or is captured.
def plain():
    e = "before"
    try:
        1 / 0
    except ZeroDivisionError as e:
        print("in handler:", type(e).__name__)
    try:
        return e
    except UnboundLocalError as err:
        return "after: " + str(err)

print(plain())

def captured():
    try:
        raise ValueError("boom")
    except ValueError as e:
        show = lambda: e
        print("inside:", show())
    try:
        return show()
    except NameError as err:
        return type(err).__name__ + ": " + str(err)

print(captured())

def saved():
    try:
        raise KeyError("kept")
    except KeyError as e:
        keep = e
    try:
        e
    except UnboundLocalError:
        return repr(keep), "e unbound", keep.args

print(saved())
try:
    raise TypeError("module level")
except TypeError as exc:
    pass
try:
    print(exc)
except NameError as err:
    print(type(err).__name__, err)

def no_exception_keeps():
    e = "untouched"
    try:
        pass
    except Exception as e:
        pass
    return e

print(no_exception_keeps())
