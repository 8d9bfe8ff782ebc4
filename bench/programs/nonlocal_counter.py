# A counter whose state lives in a cell rebound with nonlocal, called tens of millions of times.
def make_counter():
    count = 0

    def step(k):
        nonlocal count
        count += k
        return count

    def get():
        return count

    return step, get


step, get = make_counter()
N = 10_000_000
i = 0
while i < N:
    step(i & 3)
    i += 1
print(get())
