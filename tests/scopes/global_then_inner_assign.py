def outer():
    global x
    def inner():
        x = 2
        def innermost():
            return x
        return innermost
    return inner
