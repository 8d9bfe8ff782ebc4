# __name__ / __qualname__ assignment: repr follows __qualname__, errors for non-strings.
def original():
    return "body"

original.__name__ = "renamed"
print(original.__name__, original.__qualname__, original.__code__.co_name)
print(repr(original).split(" at ")[0])
original.__qualname__ = "Some.dotted.path"
print(repr(original).split(" at ")[0], original.__name__)
try:
    original()
    original.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    original.__qualname__ = None
except TypeError as e:
    print(type(e).__name__, e)
try:
    del original.__name__
except TypeError as e:
    print(type(e).__name__, e)

def bad_call():
    pass

bad_call.__qualname__ = "shown_in_errors"
bad_call.__name__ = "not_shown"
try:
    bad_call(1)
except TypeError as e:
    print(type(e).__name__, e)
original.__module__ = "elsewhere"
print(original.__module__, bad_call.__module__)
original.__module__ = None
print(original.__module__)
lam = lambda: 0
lam.__name__ = "named_lambda"
print(lam.__name__, lam.__qualname__, repr(lam).split(" at ")[0])
