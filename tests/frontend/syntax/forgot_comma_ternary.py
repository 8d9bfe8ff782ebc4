x = (x for z  x if z)
