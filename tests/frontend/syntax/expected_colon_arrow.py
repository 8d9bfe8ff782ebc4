def f()->
    pass
