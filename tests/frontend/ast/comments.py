# comment

   
# another
x = 1  # trailing


def f():
    # inside

    return x
    # after

# end
