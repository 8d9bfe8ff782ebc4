d = (x for x in y for z in x if z), [(a, b) for a in range(3) for b in range(a)]
