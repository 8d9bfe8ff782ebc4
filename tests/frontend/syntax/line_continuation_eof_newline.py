x = not \
