# LEGB: local beats enclosing beats global beats builtin; each level checked independently.
name = "global"
abs = "global abs"

def outer():
    name = "enclosing"
    def local_wins():
        name = "local"
        return name
    def enclosing_wins():
        return name
    def global_wins():
        return abs
    def builtin_found():
        return type(len).__name__
    return local_wins(), enclosing_wins(), global_wins(), builtin_found()

print(outer())
del abs
print(abs(-3))

def enclosing_vs_builtin():
    sorted = lambda xs: "enclosing sorted"
    def inner():
        return sorted([2, 1])
    return inner()

print(enclosing_vs_builtin(), sorted([2, 1]))

def param_vs_global(name):
    return name

print(param_vs_global("param"), name)

def later_global():
    return defined_later

try:
    later_global()
except NameError as e:
    print(type(e).__name__, e)
defined_later = "now defined"
print(later_global())

def typo():
    return nmae

try:
    typo()
except NameError as e:
    print(type(e).__name__, e)
