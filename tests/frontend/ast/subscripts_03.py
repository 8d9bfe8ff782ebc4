a.b.c, a.b[c].d(e)[f], f()()()
a[b][c] = d
