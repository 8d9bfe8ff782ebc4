def f(a=lambda x=1: x, *, b=[i for i in range(3)]):
    return (lambda: a)() if False else b
