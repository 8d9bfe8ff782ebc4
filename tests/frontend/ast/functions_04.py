l1 = lambda: 0
l2 = lambda x: x
l3 = lambda x, y=1, *a, z, w=2, **k: x if y else z
l4 = lambda *a: a
