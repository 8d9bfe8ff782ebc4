try:
    risky()
except ValueError:
    pass
except (TypeError, KeyError) as e:
    raise
except:
    raise RuntimeError("x") from e
else:
    ok()
finally:
    cleanup()

try:
    pass
finally:
    pass

raise
raise E
