# Decorators tutorial: a permission check decorator (the "login required" pattern).
import functools

current_user = {"name": "guest", "roles": []}


def requires_role(role):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            if role not in current_user["roles"]:
                raise PermissionError(
                    f"user {current_user['name']!r} needs role {role!r} to call {func.__name__}")
            return func(*args, **kwargs)
        return wrapper
    return decorator


@requires_role("admin")
def delete_user(username):
    return f"user {username} deleted"


@requires_role("editor")
def edit_page(page, text=""):
    return f"page {page} now says {text!r}"


for user in [{"name": "guest", "roles": []},
             {"name": "ann", "roles": ["editor"]},
             {"name": "root", "roles": ["admin", "editor"]}]:
    current_user = user
    for action in (lambda: delete_user("bob"), lambda: edit_page("home", text="hi")):
        try:
            print(action())
        except PermissionError as e:
            print("PermissionError:", e)
print(delete_user.__name__, delete_user.__wrapped__("direct"))
