import sys

from backprop_lab.core.cli import main

if __name__ == "__main__":
    sys.exit(main())
