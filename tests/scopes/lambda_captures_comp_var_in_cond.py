def f(xs, ys):
    return [x for x in xs if any(x == y for y in ys)]
