# Decorators tutorial: wrapping output in HTML tags, and the order of stacked decorators.
def make_bold(func):
    def wrapper():
        return "<b>" + func() + "</b>"
    return wrapper


def make_italic(func):
    def wrapper():
        return "<i>" + func() + "</i>"
    return wrapper


@make_bold
@make_italic
def hello():
    return "hello world"


print(hello())  # <b><i>hello world</i></b>


@make_italic
@make_bold
def goodbye():
    return "goodbye"


print(goodbye())  # <i><b>goodbye</b></i>


# A decorator factory that takes the tag name as an argument
def tag(name, **attributes):
    def decorator(func):
        def wrapper(*args, **kwargs):
            attrs = "".join(' {}="{}"'.format(k, v) for k, v in attributes.items())
            return "<{0}{1}>{2}</{0}>".format(name, attrs, func(*args, **kwargs))
        return wrapper
    return decorator


@tag("p", cls="intro")
@tag("span")
def greet(name):
    return "Hi, " + name


print(greet("Ada"))
print(tag("div")(lambda: "manual application")())
