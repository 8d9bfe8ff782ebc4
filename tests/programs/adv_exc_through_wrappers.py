# Exceptions crossing decorator wrappers run each wrapper's finally, innermost first.
import functools
log = []

def guard(name):
    def deco(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            log.append("enter " + name)
            try:
                return func(*args, **kwargs)
            except KeyError as e:
                log.append(name + " saw KeyError " + str(e))
                raise
            finally:
                log.append("exit " + name)
        return wrapper
    return deco

@guard("outer")
@guard("inner")
def risky(kind):
    if kind == "value":
        raise ValueError("bad value")
    if kind == "key":
        raise KeyError("bad key")
    return "ok " + kind

for kind in ("fine", "value", "key"):
    try:
        print(risky(kind))
    except Exception as e:
        print("caught", type(e).__name__, e)
    print(log)
    log.clear()

def converting(func):
    def wrapper(*args):
        try:
            return func(*args)
        except ZeroDivisionError as e:
            raise ArithmeticError("converted") from e
    return wrapper

@converting
def div(a, b):
    return a / b

try:
    div(1, 0)
except ArithmeticError as e:
    print(type(e).__name__, e, repr(e.__cause__), risky.__name__, risky.__wrapped__.__name__)
