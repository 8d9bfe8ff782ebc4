# "*" of a non-iterable, "**" of a non-mapping, and non-string keywords.
def f(*args, **kw):
    return args, kw


def outer():
    def inner(*a, **k):
        return a, k
    return inner


inner = outer()
cases = [
    lambda: f(*1),
    lambda: f(*None),
    lambda: f(1, *2.5),
    lambda: f(**[("a", 1)]),
    lambda: f(**None),
    lambda: f(**1),
    lambda: f(**"ab"),
    lambda: f(**{1: 2}),
    lambda: f(**{"a": 1}, **{2: 3}),
    lambda: inner(*5),
    lambda: inner(**7),
    lambda: (lambda *a: a)(*True),
    lambda: print(*3),
    lambda: len(**{"x": 1}),
]
for i, case in enumerate(cases):
    try:
        print(i, case())
    except TypeError as e:
        print(i, type(e).__name__, e)
# things that are fine: strings, dicts, sets, ranges, dict keys
print(f(*"ab", *range(2), *{5: 0}, **dict(x=1)))
print(f(*(), **{}))
