# A bare name in a case is a capture, not a comparison: later cases are unreachable.
RED = 1
color = 2
match color:
    case RED:
        print("red")
    case 2:
        print("two")
