# wraps(assigned=..., updated=...) and update_wrapper used directly.
import functools

def target(x):
    "target doc"
    return x

target.flag = 1

def make(**options):
    def wrapper(*a):
        "wrapper doc"
        return target(*a)
    wrapper.own = 2
    return functools.wraps(target, **options)(wrapper)

only_name = make(assigned=("__name__",))
print(only_name.__name__, only_name.__qualname__, only_name.__doc__)
print(sorted(only_name.__dict__))
no_update = make(updated=())
print(no_update.__name__, no_update.__doc__, sorted(no_update.__dict__))
nothing = make(assigned=(), updated=())
print(nothing.__name__, nothing.__doc__, sorted(nothing.__dict__))
missing = make(assigned=("__name__", "no_such_attr"))
print(missing.__name__, hasattr(missing, "no_such_attr"))
try:
    make(updated=("no_such_dict",))
except AttributeError as e:
    print(type(e).__name__, e)

def plain(y):
    return -y

result = functools.update_wrapper(plain, target)
print(result is plain, plain.__name__, plain.__doc__, plain.flag, plain(3))
print(plain.__wrapped__ is target)
print(functools.update_wrapper(lambda: 0, len).__name__)
