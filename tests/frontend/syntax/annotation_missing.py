inner(y):
    pass
