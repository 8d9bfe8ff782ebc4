# Decorators may return anything: an int, a tuple, a lambda, a partial, a builtin, None.
import functools

@lambda f: 42
def an_int():
    pass

@lambda f: (f.__name__, f())
def a_tuple():
    return "called once"

@lambda f: lambda *a: ("lambda wrapper", f(*a))
def wrapped(x):
    return x * 2

@functools.partial(functools.partial, print, "partial says:")
def ignored():
    pass

@lambda f: len
def a_builtin():
    pass

@lambda f: None
def gone():
    pass

print(an_int, type(an_int).__name__)
print(a_tuple)
print(wrapped(5), wrapped.__name__, wrapped.__qualname__)
print(type(ignored).__name__, ignored.args[1].__name__)
ignored("extra")
print(a_builtin, a_builtin("four"))
print(gone)
try:
    gone()
except TypeError as e:
    print(type(e).__name__, e)

@str
@len
@list
@range
@len
@(lambda f: f.__name__ * 3)
def chain():
    pass

print(repr(chain))
