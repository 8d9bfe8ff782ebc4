def outer_func():
    message = 'Hi'

    def inner_func():
        print(message) # This 'message' is what we define as a free variable

    return inner_func()

outer_func()

def outer_func():
    message = 'Hi'

    def inner_func():
        print(message) # This 'message' is what we define as a free variable

    return inner_func

my_func = outer_func()

my_func()

print(my_func)
print(my_func.__name__) # Name that the my_func is assigned to is "inner_func"

def outer_func(msg):
    message = msg

    def inner_func(): # Our inner function still doesn't take any arguments, so we only need empty parentheses.
        print(message) # This 'message' is what we define as a free variable

    return inner_func

hi_func = outer_func('Hi')
hello_func = outer_func('Hello')

hi_func()

hello_func()

import logging
logging.basicConfig(filename='example.log', level=logging.INFO)

def logger(func):
    def log_func(*args): # Takes any number of arguments
        logging.info('Running "{}" with arguments {}'.format(func.__name__, args))
        print(func(*args))
    return log_func

def add(x,y):
    return x+y

def sub(x,y):
    return x-y

add_logger = logger(add)
# This becomes: 
# def log_func(*args):
#       logging.info('Running "{}" with arguments {}'.format(add.__name__, args))
#       print(add(*args))

sub_logger = logger(sub)

add_logger(3,3)
# This created a example.log file as well through the logging.info function, generating:
# INFO:root:Running "add" with arguments (3, 3)
