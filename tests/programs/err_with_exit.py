# An exception in a `with` body that __exit__ does not suppress goes on after the
# exit has run.


class Transaction:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("begin", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("rollback" if exc_type else "commit", self.name)
        return False


def transfer(amount):
    with Transaction("transfer %d" % amount):
        if amount > 100:
            raise ValueError("limit exceeded: %d" % amount)
        print("moved", amount)


transfer(50)
transfer(500)
