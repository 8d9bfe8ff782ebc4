def f(xs, cond):
    for a in xs:
        b = a
    else:
        c = 1
    while cond:
        d = 2
        break
    else:
        e = 3
    return b, c, d, e
