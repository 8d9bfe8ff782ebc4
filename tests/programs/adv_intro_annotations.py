# __annotations__ of functions and lambdas; wraps copies them; annotations are evaluated at def time.
import functools
log = []

def note(value):
    log.append(value)
    return value

def typed(a: int, b: note("b-annotation") = 2, *args: str, c: float = 1.0, **kw: dict) -> note("ret"):
    return a

print(typed.__annotations__)
print(log)

def plain(a, b):
    return a

print(plain.__annotations__, (lambda x: x).__annotations__)

@functools.wraps(typed)
def wrapper(*args, **kwargs):
    return typed(*args, **kwargs)

print(wrapper.__annotations__ == typed.__annotations__, wrapper.__annotations__ is typed.__annotations__)
plain.__annotations__ = {"a": "str"}
print(plain.__annotations__)
del plain.__annotations__
print(plain.__annotations__)

def outer():
    def inner(x: list) -> None:
        pass
    return inner

print(outer().__annotations__, typed(5))
