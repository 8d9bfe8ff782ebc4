# Handler matching by base class, tuples of classes, and the first matching handler wins.
def classify(make):
    try:
        make()
    except (TypeError, ValueError) as e:
        return "TypeError/ValueError", type(e).__name__
    except LookupError as e:
        return "LookupError", type(e).__name__
    except ArithmeticError as e:
        return "ArithmeticError", type(e).__name__
    except NameError as e:
        return "NameError", type(e).__name__
    except ImportError as e:
        return "ImportError", type(e).__name__
    except RuntimeError as e:
        return "RuntimeError", type(e).__name__
    except Exception as e:
        return "Exception", type(e).__name__
    except BaseException as e:
        return "BaseException", type(e).__name__
    return "nothing raised", None

def unbound():
    x += 1

def raiser(exc):
    def r():
        raise exc
    return r

cases = [lambda: int("x"), lambda: [][1], lambda: {}["k"], lambda: 1 / 0, lambda: 2.0 ** 5000,
         unbound, lambda: undefined_name, raiser(ModuleNotFoundError), raiser(RecursionError),
         raiser(NotImplementedError), raiser(StopIteration), raiser(KeyboardInterrupt),
         raiser(SystemExit(3)), raiser(UnicodeError), raiser(AssertionError), lambda: None]
for make in cases:
    print(classify(make))
print(issubclass(UnboundLocalError, NameError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(KeyError, LookupError))
print(issubclass(RecursionError, RuntimeError), issubclass(KeyboardInterrupt, Exception))
print(ZeroDivisionError.__mro__)
print(UnboundLocalError.__bases__, OverflowError.__base__, BaseException.__bases__)
