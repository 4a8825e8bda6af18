# Saving a report whose data holds a set: json refuses it.
import json


def save(report):
    text = json.dumps(report, indent=2)
    print(text)
    return len(text)


print(save({"name": "weekly", "counts": [1, 2, 3]}))
try:
    save({"tags": {"a"}})
except TypeError as err:
    print("caught:", err)
    raise TypeError(f"cannot save report: {err}") from None
