# Bare raise re-raises the exception being handled, even after a nested try/except inside it.
def nested():
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise ValueError("inner")
        except ValueError:
            pass
        raise

try:
    nested()
except Exception as e:
    print(type(e).__name__, e)

def reraise_in_finally_free():
    try:
        raise TypeError("first")
    except TypeError as e:
        caught = e
    try:
        raise caught
    except TypeError as again:
        return again is caught

print(reraise_in_finally_free())
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)

def helper():
    raise

try:
    try:
        raise IndexError("from caller")
    except IndexError:
        helper()
except IndexError as e:
    print("helper re-raised:", type(e).__name__, e)
try:
    try:
        raise ValueError("v")
    except ValueError as e:
        e.args = ("modified args",)
        raise
except ValueError as e:
    print(e, e.args)
try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == "")
