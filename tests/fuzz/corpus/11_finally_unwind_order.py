def f(c):
    try:
        if c:
            return early
        late = lambda: 3
    finally:
        fin = lambda: 2
    early = late = 0
