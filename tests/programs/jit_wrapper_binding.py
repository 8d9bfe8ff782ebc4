# Decorator wrappers and defaults (runtime/call.c fast paths, rt_code.forwards): forwarded
# *args on the C stack and a shared empty **kwargs only where nothing else sees them.
def deco(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper
@deco
def show(*a, **k):
    return a, sorted(k.items())
print(show(1, 2, x=3))
print(show())
print(show(*range(5)))
def keeper(fn):
    seen = []
    def wrapper(*args, **kwargs):
        r = fn(*args, **kwargs)
        seen.append(args)
        return r
    wrapper.seen = seen
    return wrapper
@keeper
def add(a, b):
    return a + b
print(add(1, 2), add(3, 4), add.seen)
def capture(fn):
    def wrapper(*args, **kwargs):
        later = lambda: (args, kwargs)
        fn(*args, **kwargs)
        return later
    return wrapper
@capture
def noop(*a, **k):
    pass
f1 = noop(1, z=2)
f2 = noop(3)
print(f1(), f2(), f1()[1] is f2()[1])
def mutate(fn):
    def wrapper(*args, **kwargs):
        kwargs['extra'] = len(args)
        return fn(*args, **kwargs)
    return wrapper
@mutate
def kw(**k):
    return k
print(kw(), kw(a=1), kw())
def rebind(fn):
    def wrapper(*args, **kwargs):
        args = args + (99,)
        return fn(*args, **kwargs)
    return wrapper
@rebind
def tail(*a):
    return a
print(tail(1), tail())
@deco
def down(n):
    return 0 if n == 0 else 1 + down(n - 1)
print(down(300))
try:
    down(5000)
except RecursionError as e:
    print("RecursionError", e)
@deco
def needs(a, b):
    return a - b
try:
    needs(1)
except TypeError as e:
    print(e)
try:
    needs(1, 2, 3)
except TypeError as e:
    print(e)
try:
    needs(1, c=2)
except TypeError as e:
    print(e)
print(needs(b=1, a=5))
def d(a, b=2, c=3):
    return a * 100 + b * 10 + c
print(d(1), d(1, 5), d(1, 5, 6))
d.__defaults__ = (7, 8)
print(d(1), d(1, 0))
d.__defaults__ = (9,)
print(d(1, 2))
try:
    d(1)
except TypeError as e:
    print(e)
d.__defaults__ = None
try:
    d(1, 2)
except TypeError as e:
    print(e)
def many(a, b=1, *rest):
    return a, b, rest
print(many(0), many(0, 1, 2))
fs = [lambda x, k=k: x + k for k in range(3)]
print([f(10) for f in fs])
for i in range(30000):
    fs[i % 3](i)
    show(i)
print(fs[2](1), show(7, y=1))
