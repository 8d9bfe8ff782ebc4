# Functions defined conditionally, redefined, and chosen at run time.
def pick(flag):
    if flag:
        def f():
            return "first variant"
    else:
        def f():
            return "second variant"
    return f


print(pick(True)(), pick(False)())
print(pick(True).__code__ is pick(False).__code__)


def g():
    return 1


first_g = g


def g():
    return 2


print(first_g(), g(), first_g is g)
for i in range(3):
    if i % 2 == 0:
        def h(i=i):
            return "even " + str(i)
    else:
        h = lambda i=i: "odd " + str(i)
    print(h())
try:
    def never_called():
        return undefined_name
    print("defined fine")
    never_called()
except NameError as e:
    print(e)
