# Wrappers forwarding *args/**kwargs preserve every parameter kind of the wrapped function.
def forward(func):
    def wrapper(*args, **kwargs):
        print("  args", args, "kwargs", kwargs)
        return func(*args, **kwargs)
    return wrapper

@forward
def full(a, /, b, c=3, *rest, d, e=5, **extra):
    return a, b, c, rest, d, e, extra

print(full(1, 2, d=4))
print(full(1, b=2, d=4, z=0))
print(full(1, 2, 3, 4, 5, d=6, e=7))
try:
    full(a=1, b=2, d=4)
except TypeError as e:
    print(type(e).__name__, e)
try:
    full(1)
except TypeError as e:
    print(type(e).__name__, e)

def forward_changed(func):
    def wrapper(*args, **kwargs):
        kwargs.setdefault("d", "default d")
        return func(*args[::-1], **kwargs)
    return wrapper

@forward_changed
def small(x, y, *, d):
    return x, y, d

print(small(1, 2), small(1, 2, d="given"))
try:
    small(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
