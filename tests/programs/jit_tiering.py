# Tiered compilation (jit/tier.h): baseline code replaced on the stack in hot loops and
# optimised after enough calls, with locals, cells, handlers and constants carried over.
# Loops long enough to be replaced on the stack, functions called often enough to be optimised,
# with state that must survive the move: locals, cells, temps in flight, handlers, constants.
def const():
    return "a constant string"
first = const()
same = True
for i in range(25000):
    if const() is not first:
        same = False
print("constant identity kept:", same)

total = 0
cells = []
i = 0
while i < 30000:
    try:
        if i % 1000 == 999:
            raise ValueError(i)
        total += i * 3 % 7
    except ValueError as e:
        total -= 1
        cells.append(e.args[0])
    i += 1
print(total, cells)

def counter():
    n = 0
    def bump(k):
        nonlocal n
        n += k
        return n
    return bump
b = counter()
for k in range(25000):
    b(k & 3)
print(b(0), b.__closure__[0].cell_contents)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(20))

def nested_loops(n):
    acc = []
    for a in range(n):
        for c in range(3):
            if (a * c) % 997 == 5:
                acc.append((a, c))
    return acc[:3], len(acc)
print(nested_loops(9000))

def maker(base):
    fs = []
    for j in range(12000):
        fs.append(lambda x, j=j: x + j + base)
    return fs
fs = maker(10)
print(fs[0](1), fs[11999](1), len(fs), fs[5].__defaults__)

def raises_late(limit):
    x = 0
    for q in range(limit):
        x += q
    return x // 0
try:
    raises_late(20000)
except ZeroDivisionError as e:
    tb = e.__traceback__
    print("ZeroDivisionError", e, tb.tb_next.tb_lineno - tb.tb_lineno > 0)

def gen_names():
    out = {}
    for z in range(15000):
        out["k%d" % (z % 10)] = z
    return sorted(out.items())[:2]
print(gen_names())
x = 0
for i in range(20000):
    x += i
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
big = 1
for i in range(15000):
    big = big * 3 % (2**100 + 7)
print(big)
