# Accumulators with nonlocal state and modular arithmetic, three moduli side by side.
def make_acc(mod, mult):
    total = 0

    def add(x):
        nonlocal total
        total = (total * mult + x * x) % mod
        return total

    return add


accs = [make_acc(1_000_003, 131), make_acc(998_244_353, 31), make_acc(1_000_000_007, 257)]
check = 0
for i in range(2_500_000):
    for acc in accs:
        check ^= acc(i)
print(check, accs[0](0), accs[1](0), accs[2](0))
