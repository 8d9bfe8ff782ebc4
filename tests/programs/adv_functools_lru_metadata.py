# lru_cache copies metadata like wraps: __dict__ entries, __wrapped__, and stacked decorators.
import functools

def tag(func):
    func.tag = "tagged"
    return func

@functools.lru_cache(maxsize=8)
@tag
def compute(x, y=1):
    "Compute things."
    return x * y

print(compute.__name__, compute.__doc__, compute.tag, compute.__wrapped__.tag)
print(sorted(compute.__dict__))
print(compute.__wrapped__.__defaults__, compute(3, 4), compute(3, y=4))
print(compute.cache_info())

def counted(func):
    @functools.wraps(func)
    def wrapper(*args):
        wrapper.calls += 1
        return func(*args)
    wrapper.calls = 0
    return wrapper

@counted
@functools.lru_cache(maxsize=None)
def square(x):
    return x * x

@functools.lru_cache(maxsize=None)
@counted
def cube(x):
    return x ** 3

for v in [2, 2, 3, 2]:
    square(v)
    cube(v)
print(square.calls, square.__wrapped__.cache_info(), hasattr(square, "cache_info"))
print(square.cache_parameters(), sorted(square.__dict__))
print(cube.__wrapped__.calls, cube.cache_info())
print(square.__wrapped__.__wrapped__.__name__, cube.__wrapped__.__wrapped__.__name__)
compute.extra = 1
print(compute.extra, hasattr(compute.__wrapped__, "extra"))
