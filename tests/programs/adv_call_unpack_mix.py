# f(*xs, **kw) unpacking mixed with explicit arguments, in every order the grammar allows.
def show(a, b=0, /, c=0, *rest, d, e=5, **kw):
    return (a, b, c, rest, d, e, sorted(kw.items()))


xs = [1, 2, 3, 4]
kw = {"d": 10, "z": 26}
print(show(*xs, **kw))
print(show(0, *xs, e=6, **kw))
print(show(*xs[:1], d=1))
print(show(*xs, *xs, d=0, **{"y": 25}))
print(show(1, *[], c=3, **{"d": 4}))
print(show(*range(3), **{"d": 1}, e=2))
print(show(*"xy", d="d", **{"k": "v"}, **{"w": "u"}))
t = (7,)
print(show(*t, *t, *t, d=t))


def collect(*args, **kwargs):
    return args, kwargs


args, kwargs = collect(*[1, 2], 3, *(4,), a=1, **{"b": 2}, c=3, **{"d": 4})
print(args)
print(list(kwargs))
d = {"z": 1, "a": 2, "m": 3}
print(list(collect(**d)[1]))
print(collect(*{3: 0, 1: 0, 2: 0}))
