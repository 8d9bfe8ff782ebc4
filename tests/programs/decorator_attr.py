# Decorators spelled as attribute lookups: @name.attr and @name.attr(args).
def make_registry():
    items = {}

    def register(func):
        items[func.__name__] = func
        return func

    def register_as(name):
        def deco(func):
            items[name] = func
            return func
        return deco

    def registry():
        return sorted(items)

    registry.register = register
    registry.register_as = register_as
    registry.items = items
    return registry


reg = make_registry()


@reg.register
def alpha():
    return 1


@reg.register_as("renamed")
def beta():
    return 2


print(reg())
print(reg.items["renamed"](), reg.items["alpha"]())
decos = [lambda f: f, reg.register]


@decos[1]
def gamma():
    return 3


@(lambda f: lambda: f() * 100)
def delta():
    return 4


print(reg(), delta())
