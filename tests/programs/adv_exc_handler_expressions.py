# except clauses are evaluated lazily, in order; a non-class handler raises TypeError only when
# it is reached; an undefined name in an unreached except clause is never looked up.
try:
    raise KeyError("k")
except KeyError:
    print("first handler matched")
except undefined_name_never_evaluated:
    print("never")
try:
    try:
        raise ValueError("v")
    except undefined_name:
        print("never")
except NameError as e:
    print(type(e).__name__, e, "| context:", repr(e.__context__))
try:
    try:
        raise ValueError("v")
    except 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        raise ValueError("v")
    except (KeyError, "not a class"):
        pass
except TypeError as e:
    print(type(e).__name__, e)
handlers = (IndexError, ValueError)
try:
    int("bad")
except handlers as e:
    print("tuple variable:", type(e).__name__)
def pick():
    print("pick() evaluated")
    return ZeroDivisionError
try:
    1 / 0
except pick() as e:
    print("matched", type(e).__name__)
try:
    pass
except pick():
    print("never")
print("done")
