# A "global x" in a middle function makes x global for functions nested inside it too,
# even though an outer function binds x.
x = "module"

def outer():
    x = "outer local"

    def middle():
        global x

        def inner():
            return x
        return inner()

    def other():
        return x
    return middle(), other()

print(outer())

def writer():
    x = "enclosing"

    def w():
        global x
        x = "written by w"
    w()
    return x

print(writer(), x)

def reader():
    def r():
        return x
    return r

print(reader()())
x = "changed"
print(reader()(), outer())

def make_global_function():
    global late

    def late():
        return "late defined"

make_global_function()
print(late(), late.__qualname__)
global unused_module_level_global
counter = 0

def bump():
    global counter
    counter += 1
    return counter

bump()
bump()
print(counter, bump.__code__.co_names)
