# A state machine whose current state is a closure variable rebound by transition functions.
def machine():
    state = "idle"
    log = []

    def send(event):
        nonlocal state
        table = {
            ("idle", "start"): "running",
            ("running", "pause"): "paused",
            ("paused", "resume"): "running",
            ("running", "stop"): "idle",
            ("paused", "stop"): "idle",
        }
        new = table.get((state, event))
        if new is None:
            log.append(f"{event!r} ignored in {state}")
        else:
            log.append(f"{state} --{event}--> {new}")
            state = new
        return state

    return send, log


send, log = machine()
for ev in ["pause", "start", "pause", "start", "resume", "stop", "stop"]:
    send(ev)
for line in log:
    print(line)
print(send.__closure__[1].cell_contents)
