"""The orbitwatch command line: a thin layer over the library.

Each command parses its options, makes one library call, and turns the
library's errors into one-line messages. Records go to standard output,
progress and errors to standard error, so commands compose in pipes.
"""
from __future__ import annotations

import json
import sys
from functools import wraps

import click
from tqdm import tqdm

from . import __version__
from .canonical import summarise_cluster
from .evaluation import EvalError, error_report, format_errors, format_score, load_records, score
from .extract import EXTRACTOR, Parser, ParserUnavailable, extract
from .ingest import IngestError, Limits, iter_documents
from .ingest.feeds import WatchError, WatchState, connector, default_state_path, parse_every, read_feeds_file, watch
from .ingest.fetch import DELAY, PoliteClient
from .output import FORMATS, write_rows
from .pipeline import import_corrections, ingest_paths
from .records import CHANNELS, TYPES
from .store import ENV_VAR, EventQuery, StoreError, default_location, open_store, replayable
from .store.duckdb_store import MEMORY_LIMIT, MEMORY_LIMIT_VARIABLE
from .summary import COLUMNS as SUMMARY_COLUMNS
from .summary import summarise
from .indicators import KINDS
from .indicators.bundled import bundled
from .indicators.files import IMPORTERS, IndicatorFileError, read_indicator_file
from .report import FORMATS as REPORT_FORMATS
from .report import build as build_report
from .score import PERIODS, signals, trend, verdicts

CANONICAL_COLUMNS = ("canonical", "actor", "target", "type", "stance", "channel", "date", "sources", "evidence")
EVENT_COLUMNS = ("doc", "actor", "target", "type", "stance", "channel", "date", "confidence", "evidence")


def db_option(f):
    return click.option(
        "--db", "db", metavar="PATH|URL", default=None,
        help=f"DuckDB database file, or a postgresql:// URL for a shared server "
             f"[default: ${ENV_VAR} or {default_location()}]; a DuckDB file uses at most "
             f"${MEMORY_LIMIT_VARIABLE} of memory (default {MEMORY_LIMIT})",
    )(f)


def format_option(default: str, choices=FORMATS):
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
                        help="Output format.")


def machine_option(f):
    return click.option("--machine", is_flag=True,
                        help="The machine's records, ignoring people's corrections.")(f)


def source_weight_option(f):
    return click.option(
        "--source-weight", "source_weights", metavar="FAMILY=W", multiple=True,
        help="Weigh records by who coded them, 0..1 (gdelt=0 leaves GDELT's records out; "
             "default from weights.toml: gdelt=0.5). Repeatable.")(f)


def _weights(source_weights: tuple[str, ...]):
    """The shipped weights with the command line's --source-weight applied."""
    from .score import WeightsError, load_weights
    pairs = {}
    for item in source_weights:
        name, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"{item!r} is not FAMILY=W (such as gdelt=0)", param_hint="--source-weight")
        pairs[name.strip()] = value.strip()
    try:
        return load_weights().with_sources(pairs)
    except WeightsError as e:
        raise click.BadParameter(str(e), param_hint="--source-weight") from None


def mode_option(f):
    return click.option(
        "--mode", type=click.Choice(["fast", "accurate"]), default="fast", show_default=True,
        help="fast: rules only; accurate: subjects from a dependency parse "
             "(needs: pip install 'orbitwatch[accurate]').")(f)


def _parser(mode: str):
    if mode == "fast":
        return None
    try:
        return Parser()
    except ParserUnavailable as e:
        raise click.ClickException(str(e)) from None


def _runner(workers: int | None, scheduler: str | None, mode: str, partition: int):
    """A Dask runner when asked for, else None (extraction in this process)."""
    if not workers and not scheduler:
        return None
    from .parallel import DaskRunner, ParallelError
    try:
        return DaskRunner(workers=workers, scheduler=scheduler, mode=mode, partition=partition)
    except ParallelError as e:
        raise click.ClickException(str(e)) from None


def _warn(e: IngestError) -> None:
    click.echo(f"orbitwatch: skipped {e}", err=True)


def input_options(f):
    """Limits per input and the list of what was skipped, for commands that read files."""
    f = click.option("--report-skipped", "skipped_file", type=click.File("w", encoding="utf-8", lazy=False), default=None,
                     metavar="FILE", help="Write every skipped file or line as JSON lines: path, reason.")(f)
    f = click.option("--max-doc-chars", type=click.IntRange(min=1), default=Limits.max_doc_chars,
                     show_default=True, help="Skip a document whose text is longer (bounds time per document).")(f)
    return click.option("--max-file-mb", type=click.FloatRange(min=0.001), default=Limits.max_file_bytes / 1e6,
                        show_default=True, help="Skip a file larger than this, measured after decompression "
                                                "(and a JSONL line larger than 10 MB).")(f)


def _limits(max_file_mb: float, max_doc_chars: int) -> Limits:
    return Limits(max_file_bytes=int(max_file_mb * 1e6), max_line_bytes=min(10_000_000, int(max_file_mb * 1e6)),
                  max_doc_chars=max_doc_chars)


class _Skipped:
    """Reports a skipped input on standard error and, if asked, as a JSON line."""

    def __init__(self, out=None):
        self.out, self.count = out, 0

    def __call__(self, e: IngestError) -> None:
        self.count += 1
        _warn(e)
        if self.out is not None:
            self.out.write(json.dumps({"path": e.path, "reason": e.reason}, ensure_ascii=False) + "\n")
            self.out.flush()


def _open(db: str | None):
    try:
        return open_store(db)
    except StoreError as e:
        raise click.ClickException(str(e)) from None


def _code(value: str | None) -> str | None:
    return value.upper() if value else None


def _exits_on_skip(f):
    """Exit status 1 when any input was skipped, 0 otherwise."""
    @wraps(f)
    def wrapper(*args, **kwargs):
        skipped = f(*args, **kwargs)
        if skipped:
            sys.exit(1)
    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="orbitwatch")
def main():
    """orbitwatch: political events in Central Asia and the South Caucasus, with evidence.

    \b
    Example:
      orbitwatch ingest samples/corpus --db sample.duckdb
      orbitwatch summary --db sample.duckdb
    """


@main.command("extract")
@click.argument("paths", nargs=-1, required=True)
@format_option("jsonl")
@mode_option
@input_options
@_exits_on_skip
def extract_cmd(paths, fmt, mode, max_file_mb, max_doc_chars, skipped_file):
    """Print event records v1 of PATHS without touching any database.

    PATHS are .txt, .html and .jsonl files or directories (walked
    recursively); - reads one plain-text article from standard input.
    Unreadable files are reported on standard error and skipped; the exit
    status is then 1.

    \b
    Example:
      orbitwatch extract ../shared/seeds/*.txt --format jsonl > pred.jsonl
    """
    skipped = _Skipped(skipped_file)
    rows = []
    parser = _parser(mode)
    for item in iter_documents(paths, _limits(max_file_mb, max_doc_chars)):
        if isinstance(item, IngestError):
            skipped(item)
            continue
        records = [r.to_dict() for r in extract(item, parser=parser)]
        if fmt == "jsonl":
            write_rows(records, fmt, EVENT_COLUMNS)
            sys.stdout.flush()
        else:
            rows += records
    if fmt != "jsonl":
        write_rows(rows, fmt, EVENT_COLUMNS, wide="evidence")
    return skipped.count


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--progress/--no-progress", default=None, help="Progress bar [default: on a terminal].")
@mode_option
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Extract on a local Dask cluster of this many processes (needs orbitwatch[scale]).")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Extract on an existing Dask cluster (tcp://host:8786).")
@click.option("--partition", type=click.IntRange(min=1), default=500, show_default=True,
              help="Documents per task sent to a Dask worker; memory grows with it, not with the corpus.")
@input_options
@_exits_on_skip
def ingest_cmd(paths, db, progress, mode, workers, scheduler, partition, max_file_mb, max_doc_chars, skipped_file):
    """Ingest PATHS, extract their events and store both in the database.

    Re-ingesting unchanged content changes nothing; changed content replaces
    the document and its events in one transaction. Ends with a one-line
    summary on standard error; the exit status is 1 if any file was skipped.

    \b
    Example:
      orbitwatch ingest samples/corpus --db sample.duckdb
      orbitwatch ingest wire/ --workers 2 --db wire.duckdb
    """
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(desc="ingest", unit="doc", disable=not show, file=sys.stderr)
    runner = _runner(workers, scheduler, mode, partition)
    skipped = _Skipped(skipped_file)
    with _open(db) as store:
        try:
            report = ingest_paths(paths, store, parser=None if runner else _parser(mode), runner=runner,
                                  on_error=lambda e: (bar.clear(), skipped(e)),
                                  on_document=lambda d: bar.update(1), limits=_limits(max_file_mb, max_doc_chars))
        finally:
            if runner is not None:
                runner.close()
        bar.close()
        counts = store.counts()
    click.echo(f"orbitwatch: {report.line()}; database holds {counts['documents']} documents and "
               f"{counts['events']} events", err=True)
    return len(report.skipped)


def _duration(ctx, param, value):
    try:
        return parse_every(value)
    except ValueError as e:
        raise click.BadParameter(str(e)) from None


@main.command("watch")
@click.argument("feeds_file", type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option("--every", default="15m", show_default=True, callback=_duration, metavar="DURATION",
              help="Time from one round to the next: 30s, 15m, 1h or 1h30m.")
@click.option("--once", is_flag=True, help="One round, then exit (for cron).")
@click.option("--delay", type=click.FloatRange(min=0), default=DELAY, show_default=True, metavar="SECONDS",
              help="Minimum time between two requests to the same host.")
@click.option("--state", "state_path", metavar="PATH", default=None,
              help="JSON file of fetched links and feed validators [default: the database file + .watch.json].")
def watch_cmd(feeds_file, db, every, once, delay, state_path):
    """Poll the RSS and Atom feeds of FEEDS_FILE, fetch their new articles
    politely, extract and store them; again every DURATION until Ctrl-C.

    FEEDS_FILE has one feed URL per line, optionally followed by a name (the
    source of its articles); # starts a comment. A feed or article that
    fails is reported on standard error and the round goes on; each round
    ends with a one-line summary. With --once the exit status is 1 if
    anything failed; Ctrl-C saves the state and exits with status 130.

    \b
    Example:
      orbitwatch watch feeds.txt --db news.duckdb --every 30m
      orbitwatch watch feeds.txt --db news.duckdb --once    # from cron
    """
    try:
        feeds = read_feeds_file(feeds_file)
        state = WatchState.load(state_path or default_state_path(db or default_location()))
    except WatchError as e:
        raise click.ClickException(str(e)) from None
    _open(db).close()  # a clear error for a database that cannot be opened, before the first round

    def summary(report, store):
        counts = store.counts()
        click.echo(f"orbitwatch: {report.line()}; database holds {counts['documents']} documents and "
                   f"{counts['events']} events", err=True)
    try:
        report = watch(feeds, connector(db or default_location()), state, PoliteClient(delay=delay),
                       every=every, once=once, warn=lambda m: click.echo(f"orbitwatch: {m}", err=True),
                       on_round=summary)
    except StoreError as e:
        raise click.ClickException(str(e)) from None
    except KeyboardInterrupt:
        click.echo(f"orbitwatch: stopped; state saved in {state.path}", err=True)
        sys.exit(130)
    sys.exit(1 if report.failures else 0)


@main.command("events")
@db_option
@click.option("--state", help="A state code, either side of the record (KAZ).")
@click.option("--power", help="The other side (RUS, EU, CSTO ...).")
@click.option("--since", metavar="DATE", help="From YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--until", metavar="DATE", help="Up to YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--type", "type_", type=click.Choice(TYPES, case_sensitive=False), help="PLOVER type.")
@click.option("--channel", type=click.Choice(CHANNELS, case_sensitive=False))
@click.option("--doc", help="Only this document id.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many records.")
@click.option("--canonical", is_flag=True,
              help="One row per real-world event: records of several documents reporting it are "
                   "merged, with the number of sources.")
@machine_option
@format_option("table")
def events_cmd(db, state, power, since, until, type_, channel, doc, limit, canonical, machine, fmt):
    """List stored event records, filtered.

    A record without a date of its own is placed at its document's date.

    \b
    Example:
      orbitwatch events --state KAZ --power RUS --since 2022-01 --type REJECT --format csv
      orbitwatch events --canonical --state ARM --format table
    """
    query = EventQuery(state=_code(state), power=_code(power), since=since, until=until,
                       type=type_.upper() if type_ else None, channel=channel.lower() if channel else None,
                       doc=doc, limit=None if canonical else limit, machine=machine)
    with _open(db) as store:
        rows = [r.to_dict() for r in store.events(query)]
    if canonical:
        rows = canonical_rows(rows)[:limit]
        columns = CANONICAL_COLUMNS + (("docs",) if fmt != "table" else ())
        if fmt == "csv":
            rows = [dict(r, docs="|".join(r["docs"])) for r in rows]
    else:
        columns = EVENT_COLUMNS + ("id", "canonical") if fmt != "table" else EVENT_COLUMNS
    write_rows(rows, fmt, columns, wide="evidence")


@main.command("calibrate")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("paths", nargs=-1, required=True)
@click.option("--write", "out", type=click.Path(dir_okay=False),
              help="Write the fitted map to this TOML file (the shipped one is "
                   "src/orbitwatch/data/calibration.toml).")
@mode_option
def calibrate_cmd(gold, paths, out, mode):
    """Fit confidence to precision on annotated documents (GOLD, PATHS).

    Prints the isotonic map from raw score to precision and the precision of
    records above 0.5 and 0.8, before and after calibration.

    \b
    Example:
      orbitwatch calibrate samples/gold/dev.jsonl samples/corpus/dev --write src/orbitwatch/data/calibration.toml
    """
    from . import calibration
    parser = _parser(mode)
    docs = [d for d in iter_documents(paths) if not isinstance(d, IngestError)]
    raw = [r.to_dict() for d in docs for r in extract(d, parser=parser, raw_confidence=True)]
    g = load_records(gold)
    blocks = calibration.fit(g, raw)
    click.echo("raw score up to   precision   records")
    for upto, p, n in blocks:
        click.echo(f"  {upto:13.3f}   {p:9.3f}   {n:7d}")
    fitted = [dict(r, confidence=calibration.pool_value(blocks, r["confidence"])) for r in raw]
    for name, recs in (("raw", raw), ("calibrated", fitted)):
        for t in (0.5, 0.8):
            p, n = calibration.precision_at(g, recs, t)
            click.echo(f"{name:>10}: precision {p:.3f} over {n} records with confidence >= {t}")
    if out:
        with open(out, "w", encoding="utf-8") as f:
            f.write(calibration.to_toml(blocks, ", ".join(paths)))
        click.echo(f"wrote {out}")


def canonical_rows(rows: list[dict]) -> list[dict]:
    clusters: dict[str, list[dict]] = {}
    for r in rows:
        clusters.setdefault(r["canonical"], []).append(r)
    out = [summarise_cluster(m) for m in clusters.values()]
    return sorted(out, key=lambda c: (c["date"] or "9999", c["actor"], c["target"], c["type"]))


@main.command("summary")
@db_option
@format_option("table")
def summary_cmd(db, fmt):
    """Per state and power: events found, closer, away and neutral.

    \b
    Example:
      orbitwatch summary --db sample.duckdb --format csv
    """
    with _open(db) as store:
        rows = summarise(store.events())
        counts = store.counts()
    write_rows(rows, fmt, SUMMARY_COLUMNS)
    if fmt == "table":
        click.echo(f"\n{counts['documents']} documents, {counts['events']} events "
                   f"(extractor {EXTRACTOR})")


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("pred", type=click.Path(exists=True, dir_okay=False))
@click.option("--docs-from-gold", is_flag=True, help="Ignore predictions for documents absent from gold.")
@click.option("--errors", is_flag=True,
              help="Add the error report: per type, channel and actor, a confusion table of types, "
                   "and every false positive and miss with its sentence.")
@format_option("text", ("text", "json"))
def eval_cmd(gold, pred, docs_from_gold, errors, fmt):
    """Score predicted event records against gold, as the spec defines it.

    The metrics agree with the reference scorer score_events.py.

    \b
    Example:
      orbitwatch extract ../shared/seeds/*.txt > pred.jsonl
      orbitwatch eval ../shared/gold/seeds.jsonl pred.jsonl --errors
    """
    try:
        g, p = load_records(gold), load_records(pred)
    except EvalError as e:
        raise click.ClickException(str(e)) from None
    if errors:
        report = error_report(g, p, docs_from_gold=docs_from_gold)
        click.echo(json.dumps(report, indent=2, ensure_ascii=False) if fmt == "json" else format_errors(report))
        return
    s = score(g, p, docs_from_gold=docs_from_gold)
    click.echo(json.dumps(s, indent=2) if fmt == "json" else format_score(s))


SIGNAL_COLUMNS = ("state", "power", "channel", "period", "score", "low", "high", "p_closer", "events", "sources")
VERDICT_COLUMNS = ("state", "power", "channel", "verdict", "signal", "low", "high", "events", "sources",
                   "signal_direction", "structure_direction")
INDICATOR_COLUMNS = ("state", "partner", "indicator", "period", "value", "unit", "change", "kind", "source")
TREND_COLUMNS = ("state", "power", "channel", "before", "window", "score_before", "score", "change", "low", "high",
                 "events_before", "events")


def _since_until(f):
    f = click.option("--until", metavar="DATE", help="Up to YYYY, YYYY-MM or YYYY-MM-DD.")(f)
    return click.option("--since", metavar="DATE", help="From YYYY, YYYY-MM or YYYY-MM-DD.")(f)


def _rounded(row: dict, digits: int = 3) -> dict:
    return {k: round(v, digits) if isinstance(v, float) else v for k, v in row.items()}


@main.command("index")
@db_option
@click.option("--state", help="A state code (KAZ).")
@click.option("--power", help="A power: RUS, CHN, EU, USA or TUR (organisations count for their powers).")
@click.option("--channel", type=click.Choice(CHANNELS + ("all",), case_sensitive=False),
              help="Only this channel (all: over every channel).")
@click.option("--period", type=click.Choice(PERIODS), default="all", show_default=True,
              help="Score per month, quarter, year, or over all time.")
@_since_until
@machine_option
@source_weight_option
@format_option("table")
def index_cmd(db, state, power, channel, period, since, until, machine, source_weights, fmt):
    """The event index: a score in -1 (away) .. +1 (closer) per state, power,
    channel and period, with a 90% interval and the events behind it.

    \b
    Example:
      orbitwatch index --state KAZ --power RUS --period quarter
    """
    with _open(db) as store:
        rows = [_rounded(s.to_dict()) for s in signals(store, state=_code(state), power=_code(power),
                                                       period=period, since=since, until=until, machine=machine,
                                                       weights=_weights(source_weights))]
    if channel:
        rows = [r for r in rows if r["channel"] == channel.lower()]
    write_rows(rows, fmt, SIGNAL_COLUMNS)


@main.command("trend")
@db_option
@click.option("--state", required=True, help="A state code (KAZ).")
@click.option("--power", required=True, help="A power (RUS).")
@click.option("--until", required=True, metavar="YYYY-MM", help="The last month of the window.")
@click.option("--months", type=click.IntRange(min=1), default=12, show_default=True, help="Window length.")
@click.option("--channel", type=click.Choice(CHANNELS + ("all",), case_sensitive=False), default="all",
              show_default=True)
@source_weight_option
@format_option("table")
def trend_cmd(db, state, power, until, months, channel, source_weights, fmt):
    """How the score moved: the window of MONTHS ending UNTIL against the
    MONTHS before it, with a 90% interval of the change.

    \b
    Example:
      orbitwatch trend --state KAZ --power RUS --until 2022-12 --months 12
    """
    try:
        with _open(db) as store:
            row = trend(store, _code(state), _code(power), until, months, channel.lower(),
                        weights=_weights(source_weights))
    except ValueError:
        raise click.ClickException(f"--until {until!r} is not a month YYYY-MM") from None
    write_rows([_rounded(row)], fmt, TREND_COLUMNS)


@main.command("verdict")
@db_option
@click.option("--state", help="A state code (KAZ).")
@click.option("--power", help="A power: RUS, CHN, EU, USA or TUR.")
@_since_until
@machine_option
@source_weight_option
@format_option("table", ("table", "json", "jsonl", "csv"))
def verdict_cmd(db, state, power, since, until, machine, source_weights, fmt):
    """Per state and power, per channel and overall: closer, away, mixed
    (events and indicators disagree) or insufficient, with the score, its
    interval, the indicators that moved and the strongest evidence each way.

    \b
    Example:
      orbitwatch verdict --state KAZ --power RUS --format json
    """
    with _open(db) as store:
        rows = verdicts(store, state=_code(state), power=_code(power), since=since, until=until, machine=machine,
                        weights=_weights(source_weights))
    write_rows(rows, fmt, VERDICT_COLUMNS)


@main.group("indicators")
def indicators_group():
    """Structural indicators: import official files, load the bundled dataset, list."""


@indicators_group.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--kind", "kind", type=click.Choice(sorted(IMPORTERS)), required=True,
              help="unvotes: UN Digital Library UNGA voting CSV; wdi: World Bank WDI CSV; "
                   "comtrade: UN Comtrade CSV export.")
@db_option
@_exits_on_skip
def indicators_import_cmd(paths, kind, db):
    """Import indicator files; importing a file again replaces its rows.

    \b
    Example:
      orbitwatch indicators import --kind wdi API_BX.TRF.PWKR.DT.GD.ZS.csv
    """
    skipped = 0
    with _open(db) as store:
        for path in paths:
            try:
                rows = read_indicator_file(path, kind)
            except IndicatorFileError as e:
                click.echo(f"orbitwatch: skipped {e}", err=True)
                skipped += 1
                continue
            n = store.replace_indicators(f"{kind}:{path}", rows)
            click.echo(f"orbitwatch: {path}: {n} observations", err=True)
    return skipped


@indicators_group.command("load-bundled")
@db_option
def indicators_bundled_cmd(db):
    """Load the small sourced dataset shipped with orbitwatch (UN votes on the
    Ukraine resolutions, remittances, trade shares, oil routes)."""
    with _open(db) as store:
        for name, rows in bundled().items():
            click.echo(f"orbitwatch: {name}: {store.replace_indicators(name, rows)} observations", err=True)


@indicators_group.command("list")
@db_option
@click.option("--state", help="A state code (KAZ).")
@click.option("--partner", help="A partner code (RUS, WLD ...).")
@click.option("--kind", type=click.Choice(KINDS), help="official data or claims read from text.")
@format_option("table")
def indicators_list_cmd(db, state, partner, kind, fmt):
    """Stored indicator observations, official and claimed, with their sources."""
    with _open(db) as store:
        rows = [o.to_dict() for o in store.indicators(state=_code(state),
                                                      partners=(_code(partner),) if partner else None, kind=kind)]
    write_rows(rows, fmt, INDICATOR_COLUMNS, wide="source")


@main.command("report")
@db_option
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), help="Directory to write into.")
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS), default="html", show_default=True,
              help="html: self-contained page with charts; md: Markdown.")
@click.option("--state", help="Only this state (KAZ).")
@click.option("--power", help="Only this power (RUS).")
@source_weight_option
def report_cmd(db, out, fmt, state, power, source_weights):
    """Write a report: verdict matrix, score over time with the events,
    signals against structure, and evidence tables linked to the documents.

    \b
    Example:
      orbitwatch report --out report/ && xdg-open report/index.html
    """
    with _open(db) as store:
        path = build_report(store, out, fmt, _code(state), _code(power), weights=_weights(source_weights))
    click.echo(str(path))


@main.command("import-gdelt")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@db_option
def import_gdelt_cmd(files, db):
    """Import GDELT 2.0 event export files (tab-separated, 61 columns, zipped
    or not): CAMEO codes become event records (the mapping is data, in
    src/orbitwatch/data/cameo.toml), each with its source URL as evidence and
    marked as GDELT's. A broken line is reported and skipped; exit status 1
    if any was.

    \b
    Example:
      orbitwatch import-gdelt 20220301*.export.CSV.zip --db sample.duckdb
    """
    from .pipeline import import_gdelt
    errors = []
    with _open(db) as store:
        stored, stats = import_gdelt(files, store, on_error=lambda e: (errors.append(e),
                                                                       click.echo(f"orbitwatch: {e}", err=True)))
    click.echo(f"orbitwatch: {stats.summary()}; {stored} records stored", err=True)
    if errors:
        raise SystemExit(1)


@main.group("corrections")
def corrections_group():
    """People's corrections: list the audit log, export it, import another team's."""


@corrections_group.command("list")
@db_option
@click.option("--doc", help="Only corrections of this document.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@format_option("table")
def corrections_list_cmd(db, doc, limit, fmt):
    """The audit log, newest first: who, when, what, why.

    \b
    Example:
      orbitwatch corrections list --doc dev-02-tokayev-spief
    """
    with _open(db) as store:
        rows = [dict(c, **{"record": f'{c["key"]["actor"]} {c["key"]["type"]} {c["key"]["target"]}'})
                for c in store.corrections(doc, limit)]
    write_rows(rows, fmt, ("id", "created_at", "author", "action", "doc", "record", "reason"), wide="reason")


@corrections_group.command("export")
@db_option
def corrections_export_cmd(db):
    """Write the whole log as JSONL, oldest first, for another workbench to import.

    \b
    Example:
      orbitwatch corrections export --db team.duckdb > corrections.jsonl
    """
    with _open(db) as store:
        for entry in reversed(store.corrections(limit=10**9)):
            click.echo(json.dumps(replayable(entry), ensure_ascii=False))


@corrections_group.command("import")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@db_option
def corrections_import_cmd(file, db):
    """Apply corrections exported elsewhere (JSONL; - for standard input).
    A bad line is reported with its number and skipped.

    \b
    Example:
      orbitwatch corrections import corrections.jsonl --db mine.duckdb
    """
    with _open(db) as store:
        applied, errors = import_corrections(store, file)
    for e in errors:
        click.echo(f"orbitwatch: {file.name}: {e}", err=True)
    failed = len(errors)
    click.echo(f"orbitwatch: {applied} corrections applied, {failed} skipped", err=True)
    if failed:
        raise SystemExit(1)


@main.group("db")
def db_group():
    """Look after a database: check its integrity, back it up, restore it."""


@db_group.command("check")
@db_option
@format_option("text", ("text", "json"))
def db_check_cmd(db, fmt):
    """Verify integrity: schema version, records of missing documents, event
    counts, evidence offsets that no longer match their document, links and
    corrections that point nowhere. Exit status 1 if anything is wrong.

    \b
    Example:
      orbitwatch db check --db team.duckdb
    """
    from .store.maintenance import check
    with _open(db) as store:
        problems = check(store)
        counts = store.counts()
    if fmt == "json":
        click.echo(json.dumps({"ok": not problems, "counts": counts,
                               "problems": [p.__dict__ for p in problems]}, indent=2, default=str))
    else:
        for p in problems:
            click.echo(f"orbitwatch: {p.line()}")
        if not problems:
            click.echo(f"ok: {counts['documents']} documents, {counts['events']} events, "
                       f"{counts['indicators']} indicator rows; schema current")
    if problems:
        raise SystemExit(1)


@db_group.command("backup")
@click.argument("file", type=click.Path(dir_okay=False))
@db_option
def db_backup_cmd(file, db):
    """Write the database's records (documents, events, links, indicators,
    corrections) to FILE, gzipped JSON lines that any orbitwatch database,
    DuckDB or PostgreSQL, can restore. A consistent snapshot while others write.

    \b
    Example:
      orbitwatch db backup team-2026-11-23.owb.gz --db postgresql://ana@db/orbitwatch
    """
    from .store.maintenance import backup
    with _open(db) as store:
        counts = backup(store, file)
    click.echo(f"orbitwatch: {file}: " + ", ".join(f"{n} {t}" for t, n in counts.items()), err=True)


@db_group.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option("--replace", is_flag=True, help="Delete what the database holds first (else it must be empty).")
def db_restore_cmd(file, db, replace):
    """Load a backup written by `db backup`: all of it in one transaction,
    or nothing if the file is damaged.

    \b
    Example:
      orbitwatch db restore team-2026-11-23.owb.gz --db restored.duckdb
    """
    from .store.maintenance import BackupError, restore
    with _open(db) as store:
        try:
            counts = restore(store, file, replace=replace)
        except BackupError as e:
            raise click.ClickException(str(e)) from None
    click.echo(f"orbitwatch: restored " + ", ".join(f"{n} {t}" for t, n in counts.items()), err=True)


@main.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default serves this machine only.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def serve_cmd(db, host, port):
    """Serve the workbench: verdicts, states, events and documents in a
    browser, and corrections of records by people.

    Reading is open. Writes (corrections) need a token: set ORBITWATCH_TOKEN,
    or put it on the first line of the file `token` in the user config
    directory; without one the server is read-only.

    \b
    Example:
      ORBITWATCH_TOKEN=$(openssl rand -hex 16) orbitwatch serve --port 8000
    """
    import uvicorn

    from .serve import create_app, load_token
    from .serve.security import token_file
    location = db or default_location()
    _open(location).close()  # a clear error for a database that cannot be opened
    token = load_token()
    if token is None:
        click.echo(f"orbitwatch: read-only (no ORBITWATCH_TOKEN and no {token_file()})", err=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"orbitwatch: listening on {host}: anyone who can reach it can read the database", err=True)
    click.echo(f"orbitwatch: serving {location} on http://{host}:{port}/", err=True)
    uvicorn.run(create_app(location, token), host=host, port=port, log_level="warning")


if __name__ == "__main__":
    main()
