# @name.attr, @name.attr.attr2, subscripts, calls of calls and other 3.9+ decorator expressions.
def ns():
    pass

def tag(label):
    def deco(func):
        func.tags = getattr(func, "tags", []) + [label]
        return func
    return deco

ns.mark = tag("attr")
ns.sub = lambda: None
ns.sub.deep = tag("attr.attr2")
ns.sub.factory = tag
registry = {"key": tag("subscript"), "list": [tag("index0"), tag("index1")]}

@ns.mark
@ns.sub.deep
@ns.sub.factory("attr.attr2(call)")
@registry["key"]
@registry["list"][1]
@(lambda f: tag("parenthesised lambda")(f))
@(tag("a") if len(registry) > 5 else tag("b"))
@(lambda: tag("call of call"))()
def target():
    return "target"

print(target.tags)
print(target())
decos = [tag("x"), tag("y")]

@decos[0]
@decos[-1]
@[tag("list display")][0]
def other():
    pass

print(other.tags)
import functools

@functools.lru_cache(maxsize=None)
def cached(n):
    return n * 2

print(cached(4), cached.cache_info())
