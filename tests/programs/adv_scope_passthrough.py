# Free variables passing through functions that never name them become free variables of the
# intermediate functions too (co_freevars), and every level shares the same cell.
def top():
    secret = [1]

    def level1():
        def level2():
            def level3():
                secret.append(len(secret) + 1)
                return secret
            return level3
        return level2
    return level1, secret


level1, secret = top()
l2 = level1()
l3 = l2()
print(l3(), l3() is secret)
print(level1.__code__.co_freevars, l2.__code__.co_freevars, l3.__code__.co_freevars)
print(level1.__closure__[0] is l2.__closure__[0] is l3.__closure__[0])
print(top.__code__.co_cellvars, top.__code__.co_freevars)


def two_names():
    a = "A"
    b = "B"

    def mid():
        c = "C"

        def leaf():
            return b + c + a
        return leaf
    return mid


leaf = two_names()()
print(leaf(), leaf.__code__.co_freevars)
print([c.cell_contents for c in leaf.__closure__])
mid = two_names()
print(mid.__code__.co_freevars, mid.__code__.co_cellvars)
