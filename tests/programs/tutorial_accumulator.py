# Closures tutorial: accumulators and the difference between closures and global variables.
total = 0


def add_to_global(amount):
    global total
    total += amount
    return total


def make_accumulator(start=0):
    total = start

    def add(amount):
        nonlocal total
        total += amount
        return total
    return add


print(add_to_global(10), add_to_global(5))
acc1 = make_accumulator()
acc2 = make_accumulator(100)
print(acc1(10), acc1(5), acc2(1))
print("global total is still", total)

# Paul Graham's accumulator generator, Python style
def foo(n):
    def bar(i):
        nonlocal n
        n += i
        return n
    return bar


f = foo(1)
print(f(10), f(10), f(0.5))
print(f.__closure__[0].cell_contents)
