def kinds(xs, offset):
    a = {x + offset for x in xs}
    b = {x: x * offset for x in xs}
    c = (x - offset for x in xs)
    d = [x for x in xs]
    return a, b, c, d
