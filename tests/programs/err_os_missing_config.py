# A tool that loads every file of its configuration directory: the directory is not
# there, and the FileNotFoundError names it.
import os


def config_files(folder):
    here = os.path.dirname(os.path.abspath(__file__))
    print("looking in", os.path.relpath(os.path.join(here, folder), here))
    names = []
    for name in sorted(os.listdir(folder)):
        if os.path.splitext(name)[1] in (".ini", ".cfg"):
            names.append(name)
    return names


print("defaults:", config_files("inventory"))
print("site:", config_files(os.path.join("conf.d", "site")))
