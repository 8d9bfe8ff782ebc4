

# only comments
