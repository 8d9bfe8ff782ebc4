# A factory creates 2.5 million closures (each capturing two values that it
# never rebinds) and calls each one as soon as it is made.
def make_affine(a, b):
    def affine(x):
        return (a * x + b) % 1_000_003

    return affine


N = 2_500_000
total = 0
for i in range(N):
    f = make_affine(i % 97 + 1, i)
    total += f(7) + f(i & 1023)
print(total)
