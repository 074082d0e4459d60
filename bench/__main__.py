"""`python -m bench NAME [args]` runs bench/NAME.py's main(); `python -m bench` lists them."""

import importlib
import os
import pkgutil
import sys

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


def main() -> None:
    here = os.path.dirname(__file__)
    names = sorted(m.name for m in pkgutil.iter_modules([here]) if not m.name.startswith("_"))
    names = [n for n in names if n != "common"]
    if len(sys.argv) < 2 or sys.argv[1] not in names:
        print("usage: python -m bench NAME [args]\navailable: " + ", ".join(names))
        sys.exit(0 if len(sys.argv) < 2 else 2)
    name = sys.argv[1]
    sys.argv = [f"bench {name}", *sys.argv[2:]]
    importlib.import_module(f"bench.{name}").main()


main()
