# raise X from Y, from None, and implicit chaining: __cause__, __context__, __suppress_context__.
def show(e):
    print(type(e).__name__, repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

try:
    try:
        {}["missing"]
    except KeyError as inner:
        raise ValueError("explicit") from inner
except ValueError as e:
    show(e)
    print(e.__cause__ is e.__context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("implicit")
except ValueError as e:
    show(e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("suppressed") from None
except ValueError as e:
    show(e)
try:
    raise TypeError("no handler active") from KeyError("cause")
except TypeError as e:
    show(e)
try:
    raise RuntimeError("class cause") from IndexError
except RuntimeError as e:
    show(e)
try:
    raise ValueError("bad cause") from 5
except TypeError as e:
    show(e)
err = ValueError("reuse")
err.__cause__ = KeyError("set by hand")
print(err.__suppress_context__, repr(err.__cause__))
err.__suppress_context__ = True
print(err.__suppress_context__)
fresh = ValueError("fresh")
show(fresh)
try:
    try:
        raise KeyError("a")
    except KeyError as a:
        try:
            raise IndexError("b")
        except IndexError as b:
            raise TypeError("c")
except TypeError as c:
    print(repr(c.__context__), repr(c.__context__.__context__), c.__context__.__context__.__context__)
