e = x, y = y, x
f = [i * 2 for i in range(10) if i % 2 == 0]
g = 1,
h = (((1)))
