"""``python -m streams COMMAND``: the one entry point.

Commands: ``worker`` (the faust worker), ``extract`` and ``eval`` (offline extraction),
``replay`` (publish a JSONL of articles), ``tallies`` (query tallies as a table),
``kafka`` (run the local development broker). Heavy modules are imported per command.
"""

from __future__ import annotations

import sys

__all__ = ["main"]

_USAGE = """usage: python -m streams COMMAND [ARGS]

commands:
  worker    run the stream-processing worker (faust)
  extract   extract events from JSON lines (stdin/--input) to JSON lines (stdout/--output)
  eval      score extraction against a gold file: eval --gold FILE
  replay    publish a JSONL file of articles to the articles topic
  tallies   print tallies per region as a table
  kafka     start a local single-node Kafka broker (KRaft) for development
"""


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(_USAGE)
        return 0
    command, rest = args[0], args[1:]
    if command == "extract":
        from extraction.cli import main_extract

        return main_extract(rest)
    if command == "eval":
        from extraction.cli import main_eval

        return main_eval(rest)
    if command == "kafka":
        from streams.localkafka import main as kafka_main

        return kafka_main(rest)
    if command in {"replay", "tallies"}:
        from streams import cli

        return cli.main([command, *rest])
    if command == "worker":
        from streams.app import app

        sys.argv = [sys.argv[0], "worker", *rest]
        app.main()
        return 0
    print(f"unknown command {command!r}\n\n{_USAGE}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
