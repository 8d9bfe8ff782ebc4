f(x, **a, *b)
