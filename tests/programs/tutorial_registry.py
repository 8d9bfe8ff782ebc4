# Decorators tutorial: registering plugins with a decorator that returns the function unchanged.
PLUGINS = {}


def register(func):
    """Register a function as a plug-in"""
    PLUGINS[func.__name__] = func
    return func


@register
def say_hello(name):
    return f"Hello {name}"


@register
def be_awesome(name):
    return f"Yo {name}, together we are the awesomest!"


def randomly_greet(name):
    # not random here, so that the output is deterministic: pick the longest name
    greeter, greeter_func = max(PLUGINS.items(), key=lambda item: len(item[0]))
    print(f"Using {greeter!r}")
    return greeter_func(name)


print(PLUGINS.keys())
print(randomly_greet("Alice"))
print(say_hello("Bob"))
print(PLUGINS["say_hello"] is say_hello)


# Registering under a custom name, with a decorator factory
COMMANDS = {}


def command(name):
    def decorator(func):
        COMMANDS[name] = func
        return func
    return decorator


@command("add")
def add(a, b):
    return a + b


@command("mul")
def multiply(a, b):
    return a * b


for cmd in ["add", "mul"]:
    print(cmd, COMMANDS[cmd](6, 7))
print(sorted(COMMANDS))
