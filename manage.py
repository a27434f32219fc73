#!/usr/bin/env python
from thidua.manage import main

if __name__ == "__main__":
    main()
