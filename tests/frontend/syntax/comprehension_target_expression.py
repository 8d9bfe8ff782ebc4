x = [y for z + 1 in w]
