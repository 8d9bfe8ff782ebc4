def f():
    def f():
        def f():
            return 1
        return f
    return f
