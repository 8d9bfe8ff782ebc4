# An exception raised in finally (or in a handler) replaces the original, which becomes __context__.
def replace_in_finally():
    try:
        raise ValueError("original")
    finally:
        raise KeyError("from finally")

try:
    replace_in_finally()
except Exception as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))

def replace_in_handler():
    try:
        raise ValueError("first")
    except ValueError:
        [][0]

try:
    replace_in_handler()
except IndexError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))

def nested_try_in_except():
    log = []
    try:
        raise ValueError("outer")
    except ValueError as outer:
        try:
            raise TypeError("inner")
        except TypeError as inner:
            log.append((repr(inner), repr(inner.__context__)))
        log.append(repr(outer))
    return log

print(nested_try_in_except())

def finally_without_exception_runs():
    log = []
    for i in range(2):
        try:
            log.append("try %d" % i)
        except Exception:
            log.append("never")
        else:
            log.append("else %d" % i)
        finally:
            log.append("finally %d" % i)
    return log

print(finally_without_exception_runs())
try:
    try:
        raise ValueError("a")
    finally:
        print("finally runs before the handler above")
except ValueError as e:
    print("then handled:", e)
