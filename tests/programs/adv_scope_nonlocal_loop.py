# nonlocal updates from closures created in a loop all hit the same enclosing cell.
def tally():
    total = 0
    history = []
    def make(step):
        def add():
            nonlocal total
            total += step
            history.append(total)
        return add
    adders = [make(s) for s in (1, 10, 100)]
    for a in adders + adders[::-1]:
        a()
    return total, history

print(tally())

def nonlocal_in_comprehension_closure():
    hits = 0
    def hit():
        nonlocal hits
        hits += 1
        return hits
    values = [hit() for _ in range(4)]
    extra = {hit(): hit() for _ in range(2)}
    return values, extra, hits

print(nonlocal_in_comprehension_closure())

def nonlocal_param(n):
    def dec():
        nonlocal n
        n -= 1
        return n
    while dec() > 0:
        pass
    return n

print(nonlocal_param(5))

def nonlocal_multiple():
    a = b = 0
    def swap_add():
        nonlocal a, b
        a, b = b + 1, a + 2
    for _ in range(3):
        swap_add()
    return a, b

print(nonlocal_multiple())
