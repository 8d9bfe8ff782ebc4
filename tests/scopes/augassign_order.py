def f(d):
    total += d
    d[k] += 1
    obj.attr += total
    total = k = obj = 0
