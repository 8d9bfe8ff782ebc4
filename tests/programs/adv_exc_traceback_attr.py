# __traceback__ exists on raised exceptions; with_traceback returns the same exception.
def fail():
    raise ValueError("v")

try:
    fail()
except ValueError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb is not None, tb.tb_lineno > 0, tb.tb_next is not None)
    print(tb.tb_next.tb_next is None, e.with_traceback(None) is e, e.__traceback__ is None)
fresh = KeyError("never raised")
print(fresh.__traceback__, fresh.__context__, fresh.__cause__)
try:
    raise fresh
except KeyError as e:
    print(e is fresh, e.__traceback__ is not None)
try:
    try:
        raise TypeError("inner")
    except TypeError as inner:
        saved = inner
        raise
except TypeError as outer:
    print(outer is saved, type(outer.__traceback__).__name__)
