# Uncaught SystemExit with an integer code: exit status 3, nothing on stderr.
import sys

def shutdown(code):
    try:
        sys.exit(code)
    except Exception:
        print("never: SystemExit is not an Exception")
    finally:
        print("finally runs during SystemExit")

print("starting")
shutdown(3)
print("not reached")
