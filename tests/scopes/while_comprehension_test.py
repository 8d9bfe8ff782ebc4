def f(q):
    while [y for y in q if y]:
        q = q[1:]
    return q
