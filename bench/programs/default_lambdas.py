# A list of lambdas that capture their loop value through default arguments, applied in a
# nested loop.
fns = [lambda x, k=k, m=k * k + 1: (x * k + m) & 0xFFFF for k in range(40)]
total = 0
for i in range(240_000):
    for f in fns:
        total += f(i)
print(total)
