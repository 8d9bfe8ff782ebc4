# OSR exits store back only the temps live where baseline code goes on (jit/codegen_tier.c,
# cg_temp_liveness). Each loop runs long enough to be compiled, and control leaves it while
# values computed inside it are still wanted: in the expression around the loop's function
# call, in a handler outside it, after a break out of nested loops, in else clauses.
N = 30_000


def summed(n):
    s = 0
    for i in range(n):
        s += i % 11
    return s


# A loop inside a call, inside an expression whose other operands are temps.
print("expression", 1000 + summed(N) * 2 - len([summed(3)]))

# Nested loops left by a flag-guarded break from the inner one; the values after.
found = None
for a in range(200):
    for b in range(200):
        if a * b == 150 * 170:
            found = (a, b)
            break
    if found:
        break
print("nested break", found, a, b)

# An exception raised mid-loop, caught outside it, with the loop's state read there.
acc = []
try:
    for i in range(N):
        acc.append(i * 2 if i % 3 else -i)
        if i == N - 7:
            raise ValueError(i, len(acc))
except ValueError as e:
    print("handler", e.args, acc[-3:], i)

# while-else and for-else, with the loop variables after.
k = 0
while k < N:
    k += 7
else:
    print("while-else", k)
for j in range(N):
    if j < 0:
        break
else:
    print("for-else", j)

# Short-circuit and conditional expressions spanning blocks inside the loop, then a return
# from the middle of it.
def first_match(limit):
    count = 0
    for x in range(limit):
        v = (x % 7 == 3 and x % 5 == 2) or (x > limit - 2)
        count += 1 if v else 0
        if count == 50:
            return x, count, v
    return None


print("return", first_match(N))

# A loop whose iterator is an expression temp, left by a break into code that uses
# everything computed before.
text = "abc" * 10_000
pieces = [len(text), text[:3]]
for n, ch in enumerate(text):
    if n == len(text) - 1:
        pieces.append((n, ch))
        break
print("enumerate", pieces)
