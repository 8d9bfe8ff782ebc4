# Uncaught: importing a module that does not exist.
import functools
print(functools.reduce(lambda a, b: a * b, range(1, 6)))

def uses_it():
    import nonexistent
    return nonexistent

print("uses_it defined; the import only runs when it is called")
uses_it()
print("not reached")
