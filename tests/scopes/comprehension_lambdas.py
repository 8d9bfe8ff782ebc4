def makers(n):
    return [lambda: i for i in range(n)]
