# Uncaught: an unexpected keyword argument.
def greet(name):
    return "hi " + name


print(greet(name="x"))
greet(nam="y")
