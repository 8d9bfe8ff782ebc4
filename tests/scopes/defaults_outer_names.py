def outer(n):
    limit = n * 2
    def inner(a=limit, *, b=n, c=lambda: limit):
        return a + b + c()
    return inner
