def f():
    print(z, a, m)
    m = a = z = 0
