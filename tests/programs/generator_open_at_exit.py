# Sessions that log their id when they end: replacing a suspended session runs its
# finally; the last one is still suspended when the program ends.
ended = []


def session(user_id):
    try:
        yield user_id
    finally:
        ended.append(user_id)


active = session(3)
print("active", next(active))
active = session(7)
print("active", next(active))
print("ended", ended)
