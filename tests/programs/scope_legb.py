# LEGB lookup order: local, enclosing, global, builtin.
x = "global"
print_ = print


def outer():
    x = "enclosing"

    def local_wins():
        x = "local"
        return x

    def enclosing_wins():
        return x

    def builtin_used():
        return len([x])

    return local_wins(), enclosing_wins(), builtin_used()


print(outer())


def no_enclosing():
    return x


print(no_enclosing())


def layered():
    a = "L1"
    def l2():
        b = "L2"
        def l3():
            c = "L3"
            return a, b, c, x, type(len).__name__
        return l3()
    return l2()


print_(layered())
