# A module-level logging call before basicConfig configures logging itself (stderr), so the later
# basicConfig(filename=...) does nothing and the file is never created.
import logging
logging.info("early call, dropped, but it installs a stderr handler")
logging.basicConfig(filename="late.log", level=logging.DEBUG, format="%(message)s")
logging.warning("goes to stderr, not the file")
try:
    open("late.log")
    print("file exists")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename, e)
print("stdout is clean")
