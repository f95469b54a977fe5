"""A writer for the crash-safety test: saves through the real services in a loop until it is killed.

    python crash_writer.py DATABASE TAG ACKFILE     write until killed
    python crash_writer.py --zygote                 import once, then fork a writer per command (fast restarts)

Each round saves a person with a phone number (one unit of work), a help request for them with a first note, and a
second note on it (a change of the help request and a new timeline line in one unit of work). After opening the
database the writer appends "ready" to ACKFILE, and after each commit an acknowledgement line, each with one write()
call straight to the operating system (so whatever the test reads there was committed):
    ok person TAG-N ID / ok case TAG-N ID / ok note TAG-N

The zygote reads commands on stdin: "run DATABASE TAG ACKFILE" forks a writer and answers "pid PID"; "wait PID"
reaps that (killed) writer and answers "reaped PID"; end of input ends it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from coop_desk.config import Paths
from coop_desk.context import open_app
from coop_desk.services import cases, people
from coop_desk.services.cases import NewCase
from coop_desk.services.people import PersonInput, PhoneInput


def write(database: Path, tag: str, ack_file: Path) -> None:
    ack = os.open(ack_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def say(line: str) -> None:
        os.write(ack, (line + "\n").encode())

    base = database.parent / f"home-{tag}"
    app = open_app(str(database), paths=Paths(base / "data", base / "logs", base / "backups"))
    say("ready")
    n = 0
    while True:
        n += 1
        name = f"{tag}-{n}"
        person = people.create_person(
            app.services,
            PersonInput(surname=f"Crash{name}", initials="K.", phones=(PhoneInput("06-12345678", "mobiel"),)),
            allow_duplicate=True,
        )
        say(f"ok person {name} {person.id}")
        case = cases.create_case(app.services, NewCase(client_id=person.id, title=f"Vraag {name}", note="Eerste"))
        say(f"ok case {name} {case.id}")
        cases.add_note(app.services, case.id, case.version, f"Notitie {name}")
        say(f"ok note {name}")


def zygote() -> None:
    print("zygote ready", flush=True)
    for line in sys.stdin:
        command, *rest = line.split()
        if command == "run":
            pid = os.fork()
            if pid == 0:
                try:
                    write(Path(rest[0]), rest[1], Path(rest[2]))
                finally:
                    os._exit(1)
            print(f"pid {pid}", flush=True)
        elif command == "wait":
            os.waitpid(int(rest[0]), 0)
            print(f"reaped {rest[0]}", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "--zygote":
        zygote()
    else:
        write(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]))
