# Registering decorators that return the original function: identity, qualname and code intact.
registry = {}
order = []

def register(func):
    registry[func.__name__] = func
    order.append(func.__qualname__)
    return func

def register_as(name):
    def deco(func):
        registry[name] = func
        return func
    return deco

@register
def alpha():
    return "a"

original_beta = None

@register_as("b")
@register
def beta():
    return "b"

def outer():
    @register
    def nested():
        return "n"
    return nested

nested = outer()
print(sorted(registry), order)
print(registry["alpha"] is alpha, registry["b"] is registry["beta"] is beta)
print(registry["nested"] is nested, nested.__qualname__)
print(alpha.__code__.co_name, beta(), [registry[k]() for k in sorted(registry)])
print(type(alpha).__name__, alpha.__closure__, alpha.__wrapped__ if hasattr(alpha, "__wrapped__") else "no __wrapped__")

def passthrough_with_side_effect(func):
    func.seen = True
    return func

@passthrough_with_side_effect
@passthrough_with_side_effect
def twice():
    pass

print(twice.seen, sorted(twice.__dict__))
