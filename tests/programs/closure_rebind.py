# A closure reads the variable, not the value at creation: later rebinding in the enclosing scope is seen.
def outer():
    x = 1
    get = lambda: x
    print(get())
    x = 2
    print(get())
    x = [x, x]
    print(get())
    return get


g = outer()
print(g())


def loop_rebind():
    fs = []
    total = 0
    for i in range(3):
        total += i
        fs.append(lambda: total)
        print("during", [f() for f in fs])
    return fs


print("after", [f() for f in loop_rebind()])


def param_rebind(p):
    show = lambda: p
    p = p * 3
    return show()


print(param_rebind(4), param_rebind("ab"))
