# FOR_ITER stepping range and list iterators inline (jit/codegen_iter.c): mutation while
# iterating, exhausted iterators, ranges past the small-int range, other iterables.
def run():
    out = []
    xs = [1, 2, 3]
    for x in xs:
        if x < 5:
            xs.append(x + 3)
        out.append(x)
    ys = [1, 2, 3, 4]
    for y in ys:
        out.append(y)
        if y == 2:
            ys.clear()
    it = iter([7, 8])
    for z in it:
        out.append(z)
    for z in it:
        out.append(-z)
    for r in range(10, -10, -7):
        out.append(r)
    for r in range(2**61 - 3, 2**61 + 2):
        out.append(r)
    for r in range(-2**61 - 2, -2**61 + 2):
        out.append(r)
    for t in (1, "a", None):
        out.append(t)
    for c in "ab":
        out.append(c)
    for k in {"p": 1, "q": 2}:
        out.append(k)
    total = 0
    for i in range(0):
        total += 1
    for i in range(5, 100000, 3):
        total += i
    lst = list(range(20000))
    for v in lst:
        total ^= v
    r = range(3)
    a = [i for i in r]
    b = [i for i in r]
    return out, total, a, b
print(run())
for i in range(3):
    print(run()[1])
try:
    for q in 5:
        pass
except TypeError as e:
    print(e)
