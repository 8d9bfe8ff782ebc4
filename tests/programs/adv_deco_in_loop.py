# Decorating nested functions created in a loop; each gets its own wrapper and closure.
def tagged(label):
    def deco(func):
        def wrapper():
            return label + ":" + func()
        return wrapper
    return deco

handlers = []
for name in ["a", "b", "c"]:
    @tagged(name.upper())
    def handler():
        return name
    handlers.append(handler)
print([h() for h in handlers])
print(len({id(h) for h in handlers}), len({id(h.__code__) for h in handlers}))

def build():
    out = {}
    for i in range(3):
        @tagged(str(i))
        def item(i=i):
            return "item" + str(i)
        out[i] = item
    return out

print({k: v() for k, v in build().items()})

def same_twice(func):
    def wrapper():
        return "[" + func() + "]"
    return wrapper

@same_twice
@same_twice
@same_twice
def boxed():
    return "x"

print(boxed(), boxed.__closure__[0].cell_contents.__qualname__)
inner = boxed.__closure__[0].cell_contents.__closure__[0].cell_contents
print(inner(), inner.__closure__[0].cell_contents.__name__)
