# Late binding: closures over a loop variable see its final value; default arguments capture early.
late = []
for i in range(4):
    late.append(lambda: i)
print([f() for f in late])

early = []
for i in range(4):
    early.append(lambda i=i: i)
print([f() for f in early])
print([f(100) for f in early])

comp_late = [lambda: j for j in range(3)]
comp_early = [lambda j=j: j * j for j in range(3)]
print([f() for f in comp_late])
print([f() for f in comp_early])

def make_all():
    fs = []
    for n in range(3):
        def show():
            return n
        fs.append(show)
    n = "changed"
    return fs

print([f() for f in make_all()])
i = "global i"
print(late[0](), early[0]())
