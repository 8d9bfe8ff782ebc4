# Unpacking at call sites: several * and ** groups, mixed with explicit arguments.
def f(*args, **kwargs):
    return args, kwargs


a = [1, 2]
b = (3,)
c = {"x": 1}
d = {"y": 2}
print(f(*a, *b))
print(f(0, *a, 9, *b, *range(2)))
print(f(**c, **d))
print(f(*a, k=0, **c, z=3, **d))
print(f(*"hi", *{7: None}, **dict(p=1)))


def g(a, b, c, d=4, *, e=5):
    return a, b, c, d, e


print(g(*[1, 2, 3]))
print(g(1, *[2, 3], **{"e": 50}))
print(g(*(1, 2), c=3, **{"d": 40}))
print(g(**{"a": "A", "b": "B", "c": "C"}))
args = list(range(3))
print(max(*args), min(*args, -1), print(*args, sep="-"))
first, *middle, last = f(*range(6))[0]
print(first, middle, last)
