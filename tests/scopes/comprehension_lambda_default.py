def makers(n):
    return [lambda k=i: k * n for i in range(n)]
