def f(seq):
    first, *middle, last = seq
    [a, (b, *c)] = seq
    for x, *ys in seq:
        pass
    return first, middle, last, a, b, c
