def f():
    try:
        pass
    except Exception as exc:
        saved = exc
        def show():
            return saved
        return show
