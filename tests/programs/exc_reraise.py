# Re-raising: bare raise keeps the exception object; raise e raises it again.
def inner():
    raise ValueError("original")


def middle():
    try:
        inner()
    except ValueError as e:
        print("middle saw", e)
        raise


def outer():
    try:
        middle()
    except ValueError as e:
        print("outer saw", e, e.args)
        return e


first = outer()


def again(exc):
    try:
        raise exc
    except ValueError as e:
        return e is exc


print(again(first))


def transform():
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            e.args = ("changed message",)
            raise
    except ZeroDivisionError as e:
        print(e)


transform()


def handler_raises():
    try:
        try:
            raise KeyError("a")
        except KeyError:
            raise IndexError("b")
    except IndexError as e:
        print(repr(e), "context:", repr(e.__context__))


handler_raises()
