# __globals__ is the module's dict; __builtins__-style lookups; builtin attributes.
value = "global value"

def f():
    return value

print(f.__globals__ is globals(), f.__globals__["value"])
f.__globals__["value"] = "changed via __globals__"
print(f(), value)

def outer():
    def inner():
        pass
    return inner

print(outer().__globals__ is globals(), (lambda: 0).__globals__ is f.__globals__)
print(len.__name__, len.__qualname__, len.__module__, len.__self__.__name__)
print([].append.__name__, [].append.__qualname__)
print(print.__name__, repr(print.__self__).startswith("<module 'builtins'"))
try:
    f.__globals__ = {}
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
try:
    len.attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    len.__name__ = "x"
except AttributeError as e:
    print(type(e).__name__, e)
try:
    f.__closure__ = ()
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
print(sorted(f.__dict__), f.__dict__ == {}, type(f.__dict__).__name__)
