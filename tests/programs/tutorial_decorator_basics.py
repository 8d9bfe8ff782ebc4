# Decorators tutorial: functions are first-class objects, and @ is syntactic sugar.
def my_decorator(func):
    def wrapper():
        print("Something is happening before the function is called.")
        func()
        print("Something is happening after the function is called.")
    return wrapper


def say_whee():
    print("Whee!")


say_whee = my_decorator(say_whee)  # what @my_decorator does
say_whee()
print(say_whee)
print(say_whee.__name__)


def do_twice(func):
    def wrapper_do_twice(*args, **kwargs):
        func(*args, **kwargs)
        return func(*args, **kwargs)
    return wrapper_do_twice


@do_twice
def greet(name):
    print(f"Hello {name}")
    return f"Hi {name}"


hi = greet("World")
print(hi)


# Functions can be passed around like any other object
def parent(num):
    def first_child():
        return "Hi, I am Emma"

    def second_child():
        return "Call me Liam"

    if num == 1:
        return first_child
    else:
        return second_child


first = parent(1)
second = parent(2)
print(first)
print(first(), "/", second())
