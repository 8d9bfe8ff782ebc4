def pick(flag):
    if flag:
        def impl():
            return flag
    else:
        def impl():
            return not flag
    return impl
