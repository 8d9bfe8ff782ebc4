def f(log):
    @(lambda fn: log(fn) or fn)
    def g():
        return log
    return g
