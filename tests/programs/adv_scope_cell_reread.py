# A function must re-read its cells after every call that may change them, even in a hot loop.
def via_nonlocal():
    x = 0
    def bump():
        nonlocal x
        x += 1
    total = 0
    for _ in range(1000):
        bump()
        total += x
    return x, total
print(via_nonlocal())

def via_cell_contents():
    x = 0
    def peek():
        return x
    cell = peek.__closure__[0]
    seen = []
    for i in range(5):
        cell.cell_contents = i * 10
        seen.append(x)
        x = x + 1
        seen.append(peek())
    return seen

print(via_cell_contents())

def loop_with_exception():
    count = 0
    def step(i):
        nonlocal count
        count += i
        if count > 20:
            raise OverflowError(count)
    try:
        for i in range(100):
            step(i)
    except OverflowError as e:
        return count, e.args, i

print(loop_with_exception())

def deleted_mid_loop():
    v = 1
    def reader():
        return v
    out = []
    for i in range(4):
        if i == 2:
            del v
        try:
            out.append(reader())
        except NameError:
            out.append("unbound")
            v = i
    return out

print(deleted_mid_loop())
