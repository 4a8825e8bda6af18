# NameError: a closure reads its enclosing function's variable before it is bound


def setup():
    def report():
        return "threshold_value is " + str(threshold_value)

    print("reporting early")
    print(report())
    threshold_value = 10
    return report


setup()
