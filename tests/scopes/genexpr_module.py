total = sum(x for x in range(10))
nested = list(list(y for y in range(x)) for x in range(3))
