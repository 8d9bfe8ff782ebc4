x = (x for z if x if z)
