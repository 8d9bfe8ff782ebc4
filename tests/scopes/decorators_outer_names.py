def outer(tag):
    def deco(fn):
        def wrapper(*a, **k):
            return tag, fn(*a, **k)
        return wrapper
    @deco
    def target(v):
        return v
    return target
