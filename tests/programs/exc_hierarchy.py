# Handler matching by base class and by tuple.
def classify(action):
    try:
        action()
    except (KeyError, IndexError) as e:
        return "LookupError subclass " + type(e).__name__
    except ArithmeticError as e:
        return "ArithmeticError subclass " + type(e).__name__
    except Exception as e:
        return "other " + type(e).__name__
    return "no error"


print(classify(lambda: {}[1]))
print(classify(lambda: [][1]))
print(classify(lambda: 1 // 0))
print(classify(lambda: 2.0 ** 10000))
print(classify(lambda: int("q")))
print(classify(lambda: None))
print(issubclass(KeyError, LookupError), issubclass(UnboundLocalError, NameError))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(RecursionError, RuntimeError))
print(isinstance(ValueError(), Exception), issubclass(Exception, BaseException))
try:
    raise LookupError("base")
except KeyError:
    print("not this")
except LookupError as e:
    print("base handler", e)
