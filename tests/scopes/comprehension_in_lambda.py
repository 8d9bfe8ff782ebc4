f = lambda xs, k: [x + k for x in xs]
g = lambda: [lambda: y for y in range(3)]
