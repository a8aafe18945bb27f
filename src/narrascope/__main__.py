"""``python -m narrascope``: the same command line as the ``narrascope`` script."""

from narrascope.cli import main

if __name__ == "__main__":
    main()
