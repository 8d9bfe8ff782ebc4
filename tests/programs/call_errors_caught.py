# TypeError messages for bad calls, caught and printed.
def two(a, b):
    return a + b


def kwonly(*, k):
    return k


def posonly(p, /):
    return p


def defaults(a, b=1, c=2):
    return a


cases = [
    lambda: two(1),
    lambda: two(),
    lambda: two(1, 2, 3),
    lambda: two(1, c=2),
    lambda: two(1, a=2),
    lambda: two(1, 2, **{"b": 3}),
    lambda: kwonly(1),
    lambda: kwonly(),
    lambda: posonly(p=1),
    lambda: defaults(),
    lambda: defaults(1, 2, 3, 4),
    lambda: (lambda: 0)(1),
    lambda: (lambda x: 0)(),
    lambda: two(*1),
    lambda: two(**[1]),
    lambda: 5(),
    lambda: "str"(1),
    lambda: None(),
    lambda: two(1, **{"a": 2}),
    lambda: two(**{"a": 1}, **{"a": 2}),
]
for i, case in enumerate(cases):
    try:
        case()
        print(i, "no error")
    except TypeError as e:
        print(i, type(e).__name__, e)
