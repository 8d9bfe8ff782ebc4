# An exception raised while decorating leaves the name unbound (or bound to its old value).
def strict(func):
    if func.__code__.co_argcount != 1:
        raise ValueError(func.__name__ + " must take exactly one argument")
    return func

def target():
    return "old target"

try:
    @strict
    def target(a, b):
        return "new target"
except ValueError as e:
    print(type(e).__name__, e)
print(target())
try:
    @strict
    def fresh(a, b):
        pass
except ValueError as e:
    print(type(e).__name__, e)
print("fresh" in globals())

def factory_fails(n):
    if n < 0:
        raise KeyError(n)
    return lambda f: f

try:
    @factory_fails(-1)
    def never():
        pass
except KeyError as e:
    print(type(e).__name__, e, e.args)
print("never" in globals())
try:
    @undefined_decorator
    def also_never():
        pass
except NameError as e:
    print(type(e).__name__, e)
@strict
def ok(x):
    return x
print(ok("fine"))
