# Uncaught: ZeroDivisionError raised inside a closure.
def make_divider(d):
    return lambda n: n / d


half = make_divider(2)
print(half(9))
never = make_divider(0)
never(1)
