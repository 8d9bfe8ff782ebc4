# A chain of composed lambdas: compose(f, g) = lambda x: f(g(x)), 24 levels deep.
def compose(f, g):
    return lambda x: f(g(x))


def inc(x):
    return x + 1


def dbl(x):
    return (x * 2) % 1_000_003


chain = lambda x: x
for i in range(24):
    chain = compose(chain, inc if i % 2 else dbl)
total = 0
for i in range(700_000):
    total += chain(i)
print(total)
