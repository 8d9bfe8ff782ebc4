# "takes N positional arguments but M were given" for top-level, nested and lambda callees.
def outer():
    def inner(a, b):
        return a + b

    def deeper():
        def leaf(x):
            return x
        return leaf

    return inner, deeper()


inner, leaf = outer()


def none():
    return 0


def one(a):
    return a


cases = [
    ("none(1)", lambda: none(1)),
    ("none(1, 2)", lambda: none(1, 2)),
    ("one(1, 2)", lambda: one(1, 2)),
    ("inner(1, 2, 3)", lambda: inner(1, 2, 3)),
    ("leaf(1, 2)", lambda: leaf(1, 2)),
    ("lam0(1)", lambda: (lambda: 0)(1)),
    ("lam1(1, 2, 3)", lambda: (lambda q: q)(1, 2, 3)),
    ("inner(*range(5))", lambda: inner(*range(5))),
    ("one(1, 2, x=3)", lambda: one(1, 2, x=3)),
    ("none(*[], 7)", lambda: none(*[], 7)),
]
for label, case in cases:
    try:
        case()
        print(label, "-> no error")
    except TypeError as e:
        print(label, "->", type(e).__name__, e)
print(inner.__qualname__, leaf.__qualname__)
