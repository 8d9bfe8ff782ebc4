a.b = 1
x[1:2] = y
del a[0], b.c, (d, e), [f]
a[*b]
