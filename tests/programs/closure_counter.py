# A counter built from a closure with nonlocal; each factory call has its own cell.
def make_counter(start=0, step=1):
    count = start

    def tick():
        nonlocal count
        count += step
        return count

    return tick


a = make_counter()
b = make_counter(10, 5)
print(a(), a(), a())
print(b(), b())
print(a(), b())
c = make_counter(step=-2)
for _ in range(4):
    print("c ->", c())
print(a.__closure__[0].cell_contents, b.__closure__[0].cell_contents)
