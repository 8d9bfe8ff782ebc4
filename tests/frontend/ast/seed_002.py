def foo(): # outer function / enclosing function
    def bar(): # inner function
        # bar is a local variable inside the function foo
        print ("Hi")
    return bar

foo.__code__.co_varnames # printing the local variables inside the 'foo' function

# Running the function foo returns the function bar
f = foo()
print (f.__name__)
print (type(f))
f()

f2 = foo()
f2()
print(f is f2) # f and f2 are different objects

def foo(x):
    def bar(y):
        print(x , y)
    return bar

b1 = foo (10) #bar is a closure, it has access to 'foo' local variables
b1 (3)

b2 = foo (20)
b2 (4)

def count_calls(func):
    count =0
    def call_func(*args, **kwargs):
        nonlocal count # this will assign to count_calls count
        count +=1
        print(f"Calling {func}, time {count}")
        return func (*args, **kwargs)
    return call_func

@count_calls  # decorating the function ' hello' means : hello = count_calls(hello)
def hello(name):
    return f'Hello, {name}'
hello('world')

hello('there')
