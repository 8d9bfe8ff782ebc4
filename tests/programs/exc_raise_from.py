# raise ... from ...: __cause__, __context__ and __suppress_context__.
def convert(s):
    try:
        return int(s)
    except ValueError as e:
        raise TypeError("bad input " + repr(s)) from e


try:
    convert("x")
except TypeError as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__, e.__cause__)
    print(e.__context__ is e.__cause__, e.__suppress_context__)

try:
    try:
        {}["missing"]
    except KeyError:
        raise RuntimeError("implicit chain")
except RuntimeError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        [][0]
    except IndexError:
        raise ValueError("hidden") from None
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    raise ValueError("direct") from KeyError("cause without context")
except ValueError as e:
    print(repr(e.__cause__), e.__context__)
