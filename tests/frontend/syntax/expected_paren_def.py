def f f():
    pass
