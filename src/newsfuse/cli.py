"""The command line: parse arguments, call one library function, print what it returns.

Errors become a one-line message and an exit code here, and only here.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import sys
from pathlib import Path

from newsfuse import __version__
from newsfuse.config import SETTINGS, load_config
from newsfuse.errors import NewsfuseError, NoUsableInput, StoreError
from newsfuse.util import path_text

EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsfuse", description="Fuse news reports into one sourced account.")
    parser.add_argument("--version", action="version", version=f"newsfuse {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    analyze = commands.add_parser("analyze", help="analyse articles and write report.json and report.md")
    analyze.add_argument(
        "inputs", nargs="*", metavar="INPUT", help="files, folders or JSONL files (none: report what --store holds)"
    )
    analyze.add_argument("--out", required=True, type=Path, help="folder for report.json and report.md")
    analyze.add_argument("--config", type=Path, help="settings file (TOML); see newsfuse.toml.example")
    analyze.add_argument("--no-cache", action="store_true", help="recompute every analysis")
    analyze.add_argument(
        "--store", help="SQLite file or postgresql:// URL that keeps articles and clusters; new inputs are added to it"
    )
    analyze.add_argument(
        "--full", action="store_true",
        help="with --store: cluster every stored article into events again instead of assigning only the new ones",
    )
    analyze.add_argument("--quiet", action="store_true", help="print nothing but errors")
    for setting in SETTINGS:
        if setting.name in {"use_cache"}:
            continue
        flag = "--" + setting.name.replace("_", "-")
        kind = type(setting.default)
        analyze.add_argument(
            flag, dest=setting.name, type=kind, default=None, choices=setting.choices or None, help=setting.help
        )

    watch = commands.add_parser("watch", help="follow RSS/Atom feeds: poll them and keep their new articles in a store")
    watch.add_argument(
        "sources", type=Path, nargs="?",
        help="an OPML file, or a text file of feed URLs (one a line); optional when the store follows feeds "
             "added on the desk",
    )
    watch.add_argument("--store", required=True, help="SQLite file or postgresql:// URL for the articles and the feeds' state")
    watch.add_argument("--every", default="15m", type=_duration, help="time between rounds: 90s, 15m, 1h (default 15m)")
    watch.add_argument("--once", action="store_true", help="one round of polling, then exit")
    watch.add_argument(
        "--allow-private", nargs="*", metavar="NETWORK", default=None,
        help="allow requests to private, loopback and link-local addresses: all, or only the networks named",
    )
    watch.add_argument("--config", type=Path, help="settings file (TOML); see newsfuse.toml.example")
    watch.add_argument("--quiet", action="store_true", help="print nothing but errors")
    feeds = commands.add_parser("feeds", help="show the state of the feeds a store follows")
    feeds.add_argument("--store", required=True, help="the SQLite file or postgresql:// URL newsfuse watch writes")

    serve = commands.add_parser("serve", help="open the desk: a local web app over a store's latest report")
    serve.add_argument("--store", required=True, help="the SQLite file or postgresql:// URL newsfuse watch and analyze --store write")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)")
    serve.add_argument("--port", default=8000, type=int, help="port to listen on (default 8000)")
    serve.add_argument("--token", help="access token every request must carry; required for a host other than loopback")
    serve.add_argument("--config", type=Path, help="settings file (TOML) for uploads; see newsfuse.toml.example")

    evaluate = commands.add_parser("eval", help="score newsfuse against annotated gold data")
    targets = evaluate.add_subparsers(dest="target", required=True)
    ent = targets.add_parser("entities", help="entity canonicalisation: B³ against ECB+-style chains")
    ent.add_argument("paths", nargs="+", type=Path, help="ECB+ folders or XML files")
    ent.add_argument("--topics", help="comma-separated topic numbers to keep")
    ent.add_argument("--json", action="store_true", help="print the scores as JSON")
    clu = targets.add_parser("clusters", help="event clustering: B³ and pairwise scores of a report against gold")
    clu.add_argument("report", type=Path, help="a report.json written by newsfuse analyze")
    clu.add_argument("gold", type=Path, help="gold labels: JSONL or CSV of article id and event id")
    clu.add_argument("--json", action="store_true", help="print the scores as JSON")
    tmx = targets.add_parser("timex", help="time expressions: TempEval-3 scores against TimeML gold")
    tmx.add_argument("paths", nargs="+", type=Path, help="TimeML .tml files or folders")
    tmx.add_argument("--json", action="store_true", help="print the scores as JSON")
    tmx.add_argument("--errors", action="store_true",
                     help="after the scores, list every wrong value, miss and extra expression (tab-separated)")
    tmx.add_argument("--part", choices=("fit", "check"), default=None,
                     help="score only one deterministic half of the files (by the CRC-32 of the file name)")
    qt = targets.add_parser("quotes", help="quotes and speakers: recall and speaker accuracy against PolNeAR, beside a baseline")
    qt.add_argument("paths", nargs="+", type=Path, help="PolNeAR split folders (with text/ and attributions/)")
    qt.add_argument("--json", action="store_true", help="print the scores as JSON")
    qt.add_argument("--errors", action="store_true",
                    help="after the scores, list every missed quote, unattributed quote and wrong speaker (tab-separated)")
    al = targets.add_parser("align", help="claim alignment: the pair decision on MRPC paraphrase pairs, beside a word-overlap baseline")
    al.add_argument("paths", nargs="+", type=Path, help="MRPC files (msr_paraphrase_train.txt) or their folders")
    al.add_argument("--json", action="store_true", help="print the scores as JSON")
    con = targets.add_parser("contradictions",
                             help="contradictions: how often FNC-1 disagree against agree pairs are flagged, beside a baseline")
    con.add_argument("folder", type=Path, help="the FNC-1 folder (*_stances.csv and *_bodies.csv)")
    con.add_argument("--limit", type=int, default=None, help="pairs of each label to score (default 60)")
    con.add_argument("--json", action="store_true", help="print the scores as JSON")
    sm = targets.add_parser("summary", help="summaries: ROUGE-1/2/L against reference summaries, beside the lead baseline")
    sm.add_argument("report", type=Path, help="a report.json written by newsfuse analyze, or its folder")
    sm.add_argument("references", type=Path, help='reference summaries: JSONL of {"articles": [...], "reference": "..."}')
    sm.add_argument("--json", action="store_true", help="print the scores as JSON")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "analyze":
            return _analyze(args)
        if args.command == "watch":
            return _watch(args)
        if args.command == "feeds":
            return _feeds(args)
        if args.command == "serve":
            return _serve(args)
        return _eval(args)
    except NewsfuseError as exc:
        print(f"newsfuse: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"newsfuse: interrupted; {_left_behind(args)}", file=sys.stderr)
        return EXIT_INTERRUPTED


def _left_behind(args: argparse.Namespace) -> str:
    """What an interruption left in the output folder, truly: the reports are swapped in as one set."""
    if args.command != "analyze":
        return "nothing was written"
    from newsfuse.render.output import REPORT_FILES, current_run

    out = path_text(args.out)
    if getattr(args, "run", None) and current_run(args.out) == args.run:
        return f"the reports in {out} are complete"
    if any((args.out / name).exists() for name in REPORT_FILES):
        return f"the reports in {out} are those of the previous run"
    return "no report was written"


def _analyze(args: argparse.Namespace) -> int:
    from newsfuse.pipeline import analyze, step_progress
    from newsfuse.render.output import WRITE_STEPS, check_out, new_run, write_reports

    if not args.inputs and not args.store:
        raise NoUsableInput("no input given (name files or folders, or a --store to report on)")
    overrides = {s.name: getattr(args, s.name) for s in SETTINGS if hasattr(args, s.name)}
    if args.no_cache:
        overrides["use_cache"] = False
    config = load_config(args.config, **overrides)
    check_out(args.out)
    with contextlib.ExitStack() as stack:
        store = None
        if args.store:
            from newsfuse.store import open_store

            store = stack.enter_context(open_store(args.store))
        # One analysis in this process: each model goes after its last use (memory: docs/benchmarks.md).
        report = analyze(args.inputs, config, cache_dir=args.out / ".cache", store=store, full=args.full,
                         release_models=True)
        for skip in report.skipped:
            print(f"newsfuse: warning: skipped {skip.input}: {skip.reason}", file=sys.stderr)
        args.run = new_run()
        with step_progress(WRITE_STEPS, "writing", config.progress) as step:
            data = write_reports(report, args.out, args.run, on_step=step)
        if store is not None:
            store.save_report(data)  # the latest report, which the desk (newsfuse serve) shows
    if not args.quiet:
        print(_overview(data, args.out))
    return 0


def _watch(args: argparse.Namespace) -> int:
    from newsfuse.store import open_store
    from newsfuse.watch.fetch import Fetcher, Policy
    from newsfuse.watch.poll import follow
    from newsfuse.watch.sources import FeedSource, read_sources
    from newsfuse.web.publish import publish

    sources, warnings = read_sources(args.sources) if args.sources else ([], [])
    for warning in warnings:
        print(f"newsfuse: warning: {warning}", file=sys.stderr)
    config = load_config(args.config)
    allow = False if args.allow_private is None else (args.allow_private or True)

    def report(result) -> None:
        if result.added:
            publish(store, config)  # the desk shows the new articles from now on
        for skip in result.skipped:
            print(f"newsfuse: warning: skipped {skip.input}: {skip.reason}", file=sys.stderr)
        for feed in result.feeds:
            if feed.last_error:
                print(f"newsfuse: warning: feed {feed.url}: {feed.last_error}", file=sys.stderr)
        if not args.quiet:
            failed = sum(1 for f in result.feeds if f.last_error)
            print(f"{len(result.feeds)} feeds polled ({failed} failed), {len(result.added)} new articles, "
                  f"{len(result.skipped)} pages skipped")

    try:
        with open_store(args.store) as store, Fetcher(Policy(allow_private=allow)) as fetcher:
            listed = {s.url for s in sources}
            sources += [FeedSource(url) for url in store.followed() if url not in listed]
            if not sources:
                raise NoUsableInput(f"no feeds to watch: name a SOURCES file, or add feeds on the desk of {args.store}")
            follow(sources, store, config, fetcher, args.every, rounds=1 if args.once else None, on_round=report)
    except KeyboardInterrupt:
        print("newsfuse: stopped; every article stored before is kept", file=sys.stderr)
        return EXIT_INTERRUPTED
    return 0


def _feeds(args: argparse.Namespace) -> int:
    from newsfuse.store import is_postgres_url, open_store

    if not is_postgres_url(args.store) and not Path(args.store).is_file():
        raise StoreError(f"store {args.store}: no such file")
    with open_store(args.store) as store:
        rows = store.feeds()
    if not rows:
        print("no feeds followed yet")
    for feed in rows:
        state = f"error: {feed.last_error}" if feed.last_error else "ok"
        print(f"{feed.url}\t{feed.title or '-'}\t{state}\tlast success {feed.last_success or 'never'}"
              f"\tchecked {feed.last_checked or 'never'}\t{feed.articles_added} articles")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from newsfuse.web.app import serve

    serve(args.store, args.host, args.port, args.token, load_config(args.config, progress="never"))
    return 0


def _duration(text: str) -> float:
    units = {"s": 1, "m": 60, "h": 3600}
    value, unit = text[:-1], text[-1:].lower()
    if unit.isdigit():
        value, unit = text, "s"
    try:
        seconds = float(value) * units[unit]
    except (KeyError, ValueError):
        raise argparse.ArgumentTypeError(f"not a duration: {text!r} (write 90s, 15m or 1h)") from None
    if seconds <= 0:
        raise argparse.ArgumentTypeError(f"not a positive duration: {text!r}")
    return seconds


def _overview(data: dict, out: Path) -> str:
    articles = data["articles"]
    dated = sum(1 for a in articles if a["published"])
    outlets = sorted({a["outlet"] for a in articles if a["outlet"]})
    top = sorted(data["entities"], key=lambda e: -e["mentions"])[:5]
    lines = [
        f"{len(articles)} articles ({dated} dated, {len(outlets)} outlets), "
        f"{len(data['skipped'])} skipped, {len(data['entities'])} entities",
    ]
    if top:
        lines.append("main entities: " + ", ".join(f"{e['name']} ({e['mentions']})" for e in top))
    lines.append(f"wrote {path_text(out / 'report.json')}, {path_text(out / 'report.md')} and {path_text(out / 'report.html')}")
    return "\n".join(lines)


def _eval(args: argparse.Namespace) -> int:
    if args.target == "entities":
        from newsfuse.eval import entities as module

        topics = [t.strip() for t in args.topics.split(",")] if args.topics else None
        scores = module.evaluate(args.paths, topics=topics)
    elif args.target == "clusters":
        from newsfuse.eval import clusters as module

        scores = module.evaluate(args.report, args.gold)
    elif args.target == "align":
        from newsfuse.eval import paraphrase as module

        scores = module.evaluate(args.paths)
    elif args.target == "contradictions":
        from newsfuse.eval import contradictions as module

        scores = module.evaluate(args.folder, **({"limit": args.limit} if args.limit else {}))
    elif args.target == "summary":
        from newsfuse.eval import summary as module

        scores = module.evaluate(args.report, args.references)
    else:
        if args.target == "quotes":
            from newsfuse.eval import quotes as module
        else:
            from newsfuse.eval import timex as module

        mistakes = [] if args.errors else None
        part = {"part": args.part} if getattr(args, "part", None) else {}
        scores = module.evaluate(args.paths, mistakes=mistakes, **part)
        if mistakes is not None and args.json:
            scores = {**scores, "mistakes": [dataclasses.asdict(m) for m in mistakes]}
    print(json.dumps(scores, indent=1) if args.json else module.format_scores(scores))
    if getattr(args, "errors", False) and not args.json:
        print()
        print(module.format_mistakes(mistakes))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
