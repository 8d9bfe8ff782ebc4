# Uncaught: RecursionError from unbounded mutual recursion through closures.
def make_pair():
    def ping(n):
        return pong(n + 1) + 1

    def pong(n):
        return ping(n + 1) + 1

    return ping


ping = make_pair()
print("recursing from", ping.__qualname__)
ping(0)
