"""python -m ncm_emulator --host 127.0.0.1 --port 0 --port-file FILE [--config C.json] [--state-file S.json] [--tls-dir DIR]

(or, from an installed collection, ``python3 <collection>/tests/emulator ...``: ../__main__.py)"""

import argparse
import json
import os
import signal
import sys
import threading

from .core import create_app
from .server import Server, write_port_file

# where the default credentials, the seed calls and the switches are described
README = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "README.md")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="ncm_emulator",
                                     description="Local emulator of the Infraon NCCM, SteelCentral and VOSS APIs.")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port to bind; 0 picks a free one (default)")
    parser.add_argument("--port-file", help="write the bound port here (atomically) once listening")
    parser.add_argument("--config", help="JSON file: credentials per vendor, switch defaults, vendor settings")
    parser.add_argument("--state-file", help="JSON file: state loaded at start, saved on change and at exit")
    parser.add_argument("--tls-dir", help="serve HTTPS; a new CA is written to DIR/ca.pem")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    config = {}
    if args.config:
        with open(args.config, "r") as handle:
            config = json.load(handle)
    app = create_app(config=config, state_file=args.state_file)
    server = Server(app, host=args.host, port=args.port, tls_dir=args.tls_dir)
    stop = threading.Event()

    def on_signal(signum, frame):
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    server.start()
    sys.stderr.write("ncm_emulator listening on %s\n" % server.url)
    sys.stderr.write("ncm_emulator credentials (%s), seed data and switches: %s\n"
                     % ("from " + args.config if args.config else "the defaults", README))
    sys.stderr.flush()
    # last: whoever waits for the port file finds the lines above written
    if args.port_file:
        write_port_file(args.port_file, server.port)
    while not stop.wait(0.5):
        pass
    server.stop()
    sys.stderr.write("ncm_emulator stopped\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
