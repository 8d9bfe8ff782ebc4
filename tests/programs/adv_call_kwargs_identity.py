# **kwargs builds a fresh dict each call; *args a fresh tuple; order follows the call site.
def grab(*args, **kwargs):
    return args, kwargs


src = {"b": 1, "a": 2}
args, kw = grab(**src)
print(kw, kw is src, kw == src)
kw["c"] = 3
print(src)
tup = (1, 2)
a2, _ = grab(*tup)
print(a2, a2 == tup, type(a2).__name__)
lst = [1, 2]
a3, _ = grab(*lst)
print(a3, type(a3).__name__)
_, k2 = grab(z=1, y=2, x=3)
print(list(k2), list(k2.values()))
_, k3 = grab(**{"z": 1}, y=2, **{"x": 3})
print(list(k3))


def forward(*args, **kwargs):
    return grab(*args, **kwargs)


print(forward(1, 2, last=True, first=False))


def defaults_vs_kwargs(a, b=2, **rest):
    return a, b, rest


print(defaults_vs_kwargs(1, c=3))
print(defaults_vs_kwargs(b=5, a=4))
print(defaults_vs_kwargs(**{"a": 0, "rest": 9}))
