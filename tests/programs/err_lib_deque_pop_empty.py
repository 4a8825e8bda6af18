# Draining a work queue one time too many.
from collections import deque

tasks = deque(["parse", "check", "emit"])
while tasks:
    print("run", tasks.popleft())
print("queue empty:", len(tasks))
tasks.pop()
