# Uncaught: ZeroDivisionError raised inside a closure created in a loop.
def make_divider(d):
    return lambda n: n // d


dividers = [make_divider(d) for d in (3, 2, 1, 0)]
for div in dividers:
    print(div(12))
print("not reached")
