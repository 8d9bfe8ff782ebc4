def f(n):
    return [g() for g in [lambda: n, lambda: n + 1]]
