def me(֙n):
    pass
