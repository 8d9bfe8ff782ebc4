# *args collects extra positional arguments into a tuple.
def total(*nums):
    print(type(nums).__name__, nums)
    return sum(nums)


print(total())
print(total(1))
print(total(1, 2, 3))
print(total(*range(5)))


def head_tail(first, *rest):
    return first, rest


print(head_tail(1), head_tail(1, 2, 3), head_tail(*"abc"))


def mixed(a, b=2, *args):
    return a, b, args


print(mixed(1), mixed(1, 3), mixed(1, 3, 5, 7))
print((lambda *a: len(a))(*[0] * 10))
