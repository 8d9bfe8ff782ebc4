f(a)(b)
a.b.c.d
a[b][c][d]
(a).b
(a)(b)
(a)[b]
(a) + (b)
(a or b) if (c) else (d)
-(a)
not (a)
*a, = (b)
