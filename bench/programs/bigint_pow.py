# Big-int accumulation: a closure adds 3**n for n in the tens of thousands into a nonlocal total.
def make_summer():
    total = 0

    def add(v):
        nonlocal total
        total += v

    def get():
        return total

    return add, get


add, get = make_summer()
for n in range(20_000, 60_000, 10):
    add(3**n)
t = get()
print(t % 1_000_000_007, (t >> 50_000) % 1_000_000_007, t.bit_length())
