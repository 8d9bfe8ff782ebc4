# Return values: implicit None, multiple values as tuples, early returns, returning functions.
def nothing():
    pass


def bare_return():
    return


def many():
    return 1, "two", [3]


def early(n):
    for i in range(n):
        if i * i > n:
            return i
    return -1


print(nothing(), bare_return(), many())
a, b, c = many()
print(a, b, c, type(many()).__name__)
print([early(n) for n in (0, 1, 5, 10, 50)])


def sign(x):
    if x > 0:
        return "positive"
    elif x < 0:
        return "negative"
    return "zero"


print(sign(5), sign(-1), sign(0))
print((lambda: (lambda: "deep"))()())
