def f(items):
    for i in items:
        try:
            if i:
                break
            w = 1
        finally:
            q = lambda: i
    return q
