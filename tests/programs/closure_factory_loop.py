# Factories called in a loop: each call creates a fresh cell.
def make_adder(n):
    def add(x):
        return x + n
    return add


adders = []
for k in range(5):
    adders.append(make_adder(k * 10))
print([f(1) for f in adders])

multipliers = {}
for name, factor in [("double", 2), ("triple", 3), ("tenfold", 10)]:
    multipliers[name] = (lambda factor: lambda x: x * factor)(factor)
for name in multipliers:
    print(name, multipliers[name](7))

powers = [make_adder(i) for i in range(3)]
print([p(100) for p in powers])
print(len(set(id(p.__closure__[0]) for p in powers)))
