# Decorator expressions are evaluated top to bottom (before the defaults), applied bottom to top.
trace = []

def t(tag, value=None):
    trace.append(tag)
    return value

def make(tag):
    trace.append("make " + tag)
    def deco(func):
        trace.append("apply " + tag + " to " + getattr(func, "__name__", repr(func)))
        def wrapper(*args):
            trace.append("enter " + tag)
            result = func(*args)
            trace.append("leave " + tag)
            return result
        wrapper.__name__ = tag + "(" + func.__name__ + ")"
        return wrapper
    return deco

@make("A")
@t("middle expr", make("B"))
@make("C")
def target(x=t("default")):
    trace.append("body")
    return x

print(trace)
trace.clear()
print(target(7), target.__name__)
print(trace)
trace.clear()

@t("lookup", lambda f: (trace.append("lambda applied"), f)[1])
def plain():
    pass

print(trace, plain.__name__)
