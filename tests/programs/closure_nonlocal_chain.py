# nonlocal through two and three levels: the innermost writes the outermost binding.
def outer():
    total = 0

    def middle():
        def inner(n):
            nonlocal total
            total += n
            return total
        return inner

    add = middle()
    add(1)
    add(2)
    add(3)
    return total


print(outer())


def three():
    log = "start"

    def a():
        def b():
            def c():
                nonlocal log
                log = log + "->c"
            c()
            return log
        r = b()
        return r + "|a saw " + log
    r = a()
    return r + "|three saw " + log


print(three())


def rebinding_levels():
    v = 1
    def mid():
        nonlocal v
        v = v * 10
        def inn():
            nonlocal v
            v = v + 5
        inn()
        return v
    res = mid()
    return res, v

print(rebinding_levels())
