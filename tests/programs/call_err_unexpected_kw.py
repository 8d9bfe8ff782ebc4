# Uncaught: an unexpected keyword argument to a decorated function.
def shout(func):
    def wrapper(**kwargs):
        return func(**kwargs).upper()
    return wrapper


@shout
def greet(name):
    return "hi " + name


print(greet(name="x"))
greet(nam="y")
