# Decorator state kept in enclosing cells with nonlocal, separate per decorated function.
def limit(max_calls):
    def deco(func):
        used = 0
        def wrapper(*args):
            nonlocal used
            if used >= max_calls:
                return func.__name__ + " exhausted after " + str(used)
            used += 1
            return func(*args)
        def reset():
            nonlocal used
            used = 0
        wrapper.reset = reset
        wrapper.remaining = lambda: max_calls - used
        return wrapper
    return deco

two = limit(2)

@two
def ping():
    return "ping"

@two
def pong():
    return "pong"

print([ping() for _ in range(3)])
print(pong(), ping.remaining(), pong.remaining())
ping.reset()
print(ping.remaining(), ping(), ping.remaining())
print(ping.__code__.co_freevars, ping.reset.__code__.co_freevars)
print(ping.__closure__[2].cell_contents, [c.cell_contents for c in ping.reset.__closure__])
print(ping.__code__ is pong.__code__, ping.__closure__[2] is pong.__closure__[2])
