"""Load articles from files or records (the ``corpus`` stage).

Input: a folder, a list of files, or in-memory records.
Output: a :class:`Corpus` holding one :class:`Article` per readable article
(raw decoded text plus metadata) and a ``problems`` table
(path, problem, detail, severity) with one row per file or record that could
not be used as it is. A bad file never stops the others from loading.

Supported formats: ``.txt``, ``.html``/``.htm`` (via trafilatura),
``.json`` (one object or a list of objects) and ``.jsonl``. An optional
``manifest.csv`` (article_id, outlet, published, url, title, byline) next to
the files supplies metadata.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping

from newslib.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: File name suffixes the loader understands.
SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")

#: Columns of the ``problems`` table.
PROBLEM_COLUMNS = ["path", "problem", "detail", "severity"]

#: A publication-date marker at the very start of a plain-text article, as
#: pasted from some CMS exports (the Business Insider seed starts
#: `` date 2023-09-05 A retired US general says …``).
DATE_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE)

#: How an outlet names itself inside its own copy. Each pattern captures the
#: outlet name; they are tried in order on the article text when no manifest
#: or HTML metadata names the outlet.
SELF_REFERENCE_PATTERNS: tuple[re.Pattern[str], ...] = (
    # "Newsweek reached out to the Russian Foreign Ministry via email"
    re.compile(r"(?:^|[.!?]\s+)([A-Z][\w&'’.]*(?: [A-Z][\w&'’.]*){0,3}) (?:has )?reached out to\b", re.M),
    # "a request for comment from Insider sent outside regular business hours"
    re.compile(r"\brequest for comment from ([A-Z][\w&'’.]*(?: [A-Z][\w&'’.]*){0,3})"),
    # "stories from across the globe from the Daily Star, sign up for our newsletter"
    re.compile(r"\bfrom (?:the )?([A-Z][\w&'’.]*(?: [A-Z][\w&'’.]*){0,3}), sign up\b"),
    # Author bios: "Kaitlin Lewis is a Newsweek reporter on the Night Team".
    re.compile(r"\bis an? ([A-Z][\w&]*(?: [A-Z][\w&]*){0,2}) (?:reporter|correspondent|editor|writer|journalist)\b"),
    # Author bios: "CBN News’ Senior International Correspondent and Co-Anchor".
    re.compile(r"\b([A-Z][\w&]*(?: [A-Z][\w&]*){0,2})['’]s? (?:Senior |Chief |Staff )?(?:International |Political |Foreign |White House )?(?:Correspondent|Reporter|Editor|Anchor)\b"),
    # "… did not respond to Reuters' request for comment" / "… told Newsweek."
    # are deliberately NOT used: they name other outlets as often as the
    # article's own.
)

#: Self-references that use a short form of the outlet's name.
OUTLET_ALIASES: Mapping[str, str] = {
    "Insider": "Business Insider",
    "The Daily Star": "Daily Star",
    "the Daily Star": "Daily Star",
}

#: An HTML page that yields fewer words than this is not an article (an
#: error page, a broken file); real stories have at least a paragraph.
MIN_HTML_WORDS = 8

#: Manifest columns the loader reads (others are ignored).
MANIFEST_FIELDS = ("article_id", "outlet", "published", "url", "title", "byline")


@dataclass(frozen=True)
class Article:
    """One article as loaded, before cleaning.

    Attributes:
        article_id: stable ID (file stem, JSON ``id`` or ``stem:line``).
        text: the decoded body text, unchanged (cleaning happens later).
        title: headline, or ``""`` when the cleaning stage should take the
            first non-empty line of ``text``.
        outlet: outlet name, or ``"unknown"``.
        outlet_from: where the outlet name came from (manifest, html, record,
            self_reference, unknown).
        published: ISO date ``YYYY-MM-DD`` or ``""``.
        byline: author(s) as given, or ``""``.
        url: source URL, or ``""``.
        source_path: file the article came from (``""`` for records).
        encoding: the text encoding used to decode the file.
        fmt: input format (txt, html, json, jsonl, record).
        title_in_text: ``True`` when the headline is a line of ``text`` that
            cleaning must move out of the body.
    """

    article_id: str
    text: str
    title: str = ""
    outlet: str = "unknown"
    outlet_from: str = "unknown"
    published: str = ""
    byline: str = ""
    url: str = ""
    source_path: str = ""
    encoding: str = "utf-8"
    fmt: str = "txt"
    title_in_text: bool = True


@dataclass
class Corpus:
    """Loaded articles plus the problems met while loading them."""

    articles: list[Article] = field(default_factory=list)
    problems: "pd.DataFrame" = None  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.problems is None:
            import pandas as pd

            self.problems = pd.DataFrame(columns=PROBLEM_COLUMNS)

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    @classmethod
    def from_records(
        cls, records: Iterable[Mapping[str, Any]], *, settings: Settings | None = None
    ) -> "Corpus":
        """Build a corpus from dicts with ``text`` and optional metadata.

        Keys: ``text`` (required), ``title``, ``outlet``, ``published``,
        ``url``, ``id``, ``byline``. Records without usable text become
        problem rows, never exceptions.
        """
        problems: list[dict[str, str]] = []
        articles: list[Article] = []
        for n, record in enumerate(records):
            label = f"record:{n}"
            article = _article_from_mapping(record, default_id=f"record-{n:05d}", label=label,
                                            fmt="record", problems=problems)
            if article is not None:
                outlet, origin = _infer_outlet(article)
                articles.append(replace(article, outlet=outlet, outlet_from=origin))
        return cls(articles=_dedupe_ids(articles, problems), problems=_problems_frame(problems))

    def select_outlets(self, outlets: Iterable[str]) -> "Corpus":
        """Keep only articles whose outlet is in ``outlets``.

        Each article left out gets a ``problems`` row with severity
        ``excluded``, so the audit still accounts for it.
        """
        import pandas as pd

        wanted = set(outlets)
        dropped = [
            {"path": a.source_path or a.article_id, "problem": "outlet_not_selected",
             "detail": f"outlet '{a.outlet}' is not in the selected outlets; article left out",
             "severity": "excluded"}
            for a in self.articles if a.outlet not in wanted
        ]
        problems = self.problems
        if dropped:
            problems = pd.concat([problems, _problems_frame(dropped)], ignore_index=True)
        return Corpus(articles=[a for a in self.articles if a.outlet in wanted], problems=problems)

    def frame(self) -> "pd.DataFrame":
        """The articles as a table (metadata only, no text)."""
        import pandas as pd

        cols = ["article_id", "outlet", "title", "published", "byline", "url", "source_path",
                "encoding", "fmt", "outlet_from"]
        return pd.DataFrame([{c: getattr(a, c) for c in cols} for a in self.articles], columns=cols)


# --------------------------------------------------------------------------
# public entry point
# --------------------------------------------------------------------------
def load_corpus(
    source: "str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | Iterable[Mapping[str, Any]] | Corpus",
    *,
    settings: Settings | None = None,
    progress: bool = False,
) -> Corpus:
    """Load a folder, a list of files, or records into a :class:`Corpus`.

    Args:
        source: a folder (every supported file in it, recursively, sorted by
            path), a single file, a list of files, a list of record dicts, or
            an existing corpus (returned unchanged).
        settings: options; ``max_file_bytes`` and ``manifest_name`` matter here.
        progress: show a progress bar when there are more than
            ``settings.progress_min_articles`` files.

    Returns:
        The loaded corpus. Files that could not be used are rows of
        ``corpus.problems`` with a clear message.

    Raises:
        FileNotFoundError: ``source`` (or a listed file's folder) does not exist.
        ValueError: the folder contains no files at all.
    """
    settings = settings or Settings()
    if isinstance(source, Corpus):
        return source
    if isinstance(source, (str, os.PathLike)):
        root = Path(source)
        if not root.exists():
            raise FileNotFoundError(f"no such file or folder: {root}")
        if root.is_dir():
            files, odd = _walk(root)
            manifest_paths = [p for p in files if p.name == settings.manifest_name]
            files = [p for p in files if p.name != settings.manifest_name]
            if not files:
                raise ValueError(f"the folder {root} has no article files in it")
        else:
            files, odd = [root], []
            manifest_paths = [m for m in [root.parent / settings.manifest_name] if m.is_file()]
    else:
        items = list(source)
        if items and all(isinstance(i, Mapping) for i in items):
            return Corpus.from_records(items, settings=settings)  # type: ignore[arg-type]
        files, odd = [Path(i) for i in items], []  # type: ignore[arg-type]
        if not files:
            raise ValueError("no input files were given")
        missing = [f for f in files if not f.exists()]
        if len(missing) == len(files):
            raise FileNotFoundError(f"none of the given files exist (first: {missing[0]})")
        parents = sorted({f.parent for f in files})
        manifest_paths = [p / settings.manifest_name for p in parents if (p / settings.manifest_name).is_file()]
        files = [f for f in files if f.name != settings.manifest_name]

    problems: list[dict[str, str]] = []
    for path in odd:
        _problem(problems, path, "unreadable",
                 "not a regular file (a broken or looping link, a socket or a device); skipped")
    manifest = _read_manifests(manifest_paths, problems)
    articles: list[Article] = []
    iterator: Iterable[Path] = files
    if progress and len(files) > settings.progress_min_articles:
        from tqdm.auto import tqdm

        iterator = tqdm(files, desc="loading", unit="file")
    for path in iterator:
        try:
            articles.extend(_load_file(path, settings=settings, problems=problems))
        except Exception as exc:  # noqa: BLE001 - one bad file must never drop the others
            _problem(problems, path, "unreadable",
                     f"newslib could not read this file ({type(exc).__name__}: {str(exc)[:200]}); file skipped")

    articles = _apply_manifest(articles, manifest, problems)
    articles = _dedupe_ids(articles, problems)
    return Corpus(articles=articles, problems=_problems_frame(problems))


# --------------------------------------------------------------------------
# files
# --------------------------------------------------------------------------
def _walk(root: Path) -> tuple[list[Path], list[Path]]:
    """Files under ``root`` (hidden names skipped), and paths that are not regular files.

    Links are followed to files but not to folders, so a looping link can not
    trap the walk; a broken or looping link, a socket or a device is returned
    in the second list, to be reported rather than silently dropped.
    """
    files: list[Path] = []
    odd: list[Path] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            odd.append(folder)
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir() and not entry.is_symlink():
                stack.append(entry)
            elif entry.is_file():
                files.append(entry)
            elif not entry.is_dir():
                odd.append(entry)
    return sorted(files), sorted(odd)


def _problem(problems: list[dict[str, str]], path: object, problem: str, detail: str,
             severity: str = "error") -> None:
    problems.append({"path": str(path), "problem": problem, "detail": detail, "severity": severity})


def _problems_frame(problems: list[dict[str, str]]) -> "pd.DataFrame":
    import pandas as pd

    return pd.DataFrame(problems, columns=PROBLEM_COLUMNS)


def _load_file(path: Path, *, settings: Settings, problems: list[dict[str, str]]) -> list[Article]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        _problem(problems, path, "unsupported_extension",
                 f"'{suffix or '(none)'}' is not one of {', '.join(SUPPORTED_SUFFIXES)}; file skipped")
        return []
    try:
        size = path.stat().st_size
        if size > settings.max_file_bytes:
            _problem(problems, path, "too_large",
                     f"{size:,} bytes is over the limit of {settings.max_file_bytes:,} "
                     "(Settings.max_file_bytes); file skipped")
            return []
        raw = path.read_bytes()
    except OSError as exc:
        _problem(problems, path, "unreadable", f"could not read the file: {exc.strerror or exc}")
        return []
    decoded = decode_bytes(raw)
    if isinstance(decoded, DecodeFailure):
        _problem(problems, path, decoded.problem, decoded.detail)
        return []
    text, encoding = decoded
    if encoding == "cp1252":
        _problem(problems, path, "encoding_fallback",
                 "not valid UTF-8 or UTF-16; decoded as cp1252 (article kept, check odd characters)",
                 severity="warning")
    if not text.strip():
        _problem(problems, path, "empty", "the file has no text; file skipped")
        return []
    stem = path.stem
    if suffix == ".txt":
        return [_from_txt(text, article_id=stem, path=path, encoding=encoding)]
    if suffix in (".html", ".htm"):
        article = _from_html(text, article_id=stem, path=path, encoding=encoding, problems=problems,
                             fast=len(text) > settings.html_fast_chars)
        return [article] if article else []
    if suffix == ".json":
        return _from_json(text, stem=stem, path=path, encoding=encoding, problems=problems)
    return _from_jsonl(text, stem=stem, path=path, encoding=encoding, problems=problems)


@dataclass(frozen=True)
class DecodeFailure:
    """Why a file's bytes could not be turned into text."""

    problem: str
    detail: str


def decode_bytes(raw: bytes) -> "tuple[str, str] | DecodeFailure":
    """Decode file bytes: BOMs first, then UTF-8, then a cp1252 fallback.

    Returns ``(text, encoding)`` or a :class:`DecodeFailure` for binary data.
    """
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return raw[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            return DecodeFailure("bad_encoding", f"UTF-8 byte-order mark but invalid UTF-8 at byte {exc.start}")
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(name), "utf-16"
            except UnicodeDecodeError as exc:
                return DecodeFailure("bad_encoding", f"UTF-16 byte-order mark but invalid UTF-16 at byte {exc.start}")
    head = raw[:8192]
    if b"\x00" in head:
        return DecodeFailure("binary", "the file contains NUL bytes: it looks binary, not text; file skipped")
    try:
        text = raw.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
            encoding = "cp1252"
        except UnicodeDecodeError as exc:
            return DecodeFailure("binary", f"byte {exc.start} is neither UTF-8 nor cp1252: it looks binary; file skipped")
    # Text full of control characters is binary data that happens to decode.
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if sample and controls / len(sample) > 0.05:
        return DecodeFailure("binary", f"{controls} control characters in the first {len(sample)}: looks binary; file skipped")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _from_txt(text: str, *, article_id: str, path: Path, encoding: str) -> Article:
    published = ""
    first = next((line for line in text.split("\n") if line.strip()), "")
    match = DATE_MARKER.match(first)
    if match:
        published = match.group(1)
    return Article(article_id=article_id, text=text, published=published, source_path=str(path),
                   encoding=encoding, fmt="txt", title_in_text=True)


def _from_html(text: str, *, article_id: str, path: Path, encoding: str,
               problems: list[dict[str, str]], fast: bool = False) -> Article | None:
    import trafilatura

    if fast:
        _problem(problems, path, "large_html",
                 f"a very large page ({len(text):,} characters): text extracted in fast mode "
                 "(Settings.html_fast_chars); article kept, check its text", severity="warning")
    try:
        doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                          include_tables=False, fast=fast)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        _problem(problems, path, "bad_html", f"the HTML could not be parsed: {type(exc).__name__}: {exc}")
        return None
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not body.strip():
        _problem(problems, path, "no_text_extracted",
                 "no article text could be extracted from this HTML (broken or not an article); file skipped")
        return None
    if len(body.split()) < MIN_HTML_WORDS:
        _problem(problems, path, "no_text_extracted",
                 f"only {len(body.split())} words could be extracted from this HTML "
                 "(broken or not an article); file skipped")
        return None
    if not re.search(r"</(html|body)\s*>\s*$", text.strip(), re.IGNORECASE):
        _problem(problems, path, "malformed_html",
                 "the HTML is truncated or has no closing </body>/</html>; text extracted anyway, check it",
                 severity="warning")
    title = (doc.title or "").strip()
    outlet = (doc.sitename or "").strip()
    return Article(
        article_id=article_id,
        text=body,
        title=title,
        outlet=outlet or "unknown",
        outlet_from="html" if outlet else "unknown",
        published=(doc.date or "")[:10],
        byline=(doc.author or "").strip(),
        url=(doc.url or "").strip(),
        source_path=str(path),
        encoding=encoding,
        fmt="html",
        title_in_text=bool(title),
    )


def _from_json(text: str, *, stem: str, path: Path, encoding: str,
               problems: list[dict[str, str]]) -> list[Article]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        _problem(problems, path, "bad_json", f"not valid JSON: {exc.msg} at line {exc.lineno}; file skipped")
        return []
    except RecursionError:
        _problem(problems, path, "bad_json", "JSON nested too deeply to read; file skipped")
        return []
    records = data if isinstance(data, list) else [data]
    out = []
    for n, record in enumerate(records):
        default_id = stem if len(records) == 1 else f"{stem}:{n + 1}"
        label = str(path) if len(records) == 1 else f"{path}:{n + 1}"
        article = _article_from_mapping(record, default_id=default_id, label=label, fmt="json",
                                        problems=problems, path=path, encoding=encoding)
        if article is not None:
            out.append(article)
    return out


def _from_jsonl(text: str, *, stem: str, path: Path, encoding: str,
                problems: list[dict[str, str]]) -> list[Article]:
    out = []
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            _problem(problems, f"{path}:{n}", "bad_json", f"line {n} is not valid JSON: {exc.msg}; line skipped")
            continue
        except RecursionError:
            _problem(problems, f"{path}:{n}", "bad_json", f"line {n} is JSON nested too deeply to read; line skipped")
            continue
        article = _article_from_mapping(record, default_id=f"{stem}:{n}", label=f"{path}:{n}", fmt="jsonl",
                                        problems=problems, path=path, encoding=encoding)
        if article is not None:
            out.append(article)
    return out


def _article_from_mapping(record: object, *, default_id: str, label: str, fmt: str,
                          problems: list[dict[str, str]], path: Path | None = None,
                          encoding: str = "utf-8") -> Article | None:
    if not isinstance(record, Mapping):
        _problem(problems, label, "bad_record", f"expected an object with a 'text' field, got {type(record).__name__}")
        return None
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        _problem(problems, label, "empty", "the record has no 'text' (or it is empty); record skipped")
        return None
    title = record.get("title") or ""
    outlet = record.get("outlet") or ""
    article_id = str(record.get("id") or default_id)
    return Article(
        article_id=article_id,
        text=body.replace("\r\n", "\n").replace("\r", "\n"),
        title=str(title).strip(),
        outlet=str(outlet).strip() or "unknown",
        outlet_from="record" if outlet else "unknown",
        published=_iso_date(record.get("published")),
        byline=str(record.get("byline") or record.get("author") or "").strip(),
        url=str(record.get("url") or "").strip(),
        source_path=str(path) if path else "",
        encoding=encoding,
        fmt=fmt,
        title_in_text=bool(title),
    )


def _iso_date(value: object) -> str:
    if value is None:
        return ""
    match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", str(value))
    return match.group(1) if match else ""


# --------------------------------------------------------------------------
# manifest and outlet inference
# --------------------------------------------------------------------------
def _read_manifests(paths: list[Path], problems: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for path in paths:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            _problem(problems, path, "unreadable", f"could not read the manifest: {exc}")
            continue
        decoded = decode_bytes(raw)
        if isinstance(decoded, DecodeFailure):
            _problem(problems, path, "bad_manifest", decoded.detail)
            continue
        try:
            table = list(csv.reader(io.StringIO(decoded[0])))
        except csv.Error as exc:
            _problem(problems, path, "bad_manifest", f"not a readable CSV file ({exc}); ignored")
            continue
        header = [h.strip().lower().lstrip("\ufeff") for h in table[0]] if table else []
        key_column = next((c for c in ("article_id", *_MANIFEST_FILE_COLUMNS) if c in header), None)
        if key_column is None:
            _problem(problems, path, "bad_manifest",
                     "the manifest has no 'article_id' column (nor 'file', 'filename' or 'path'); ignored")
            continue
        for n, values in enumerate(table[1:], start=2):
            if not any(v.strip() for v in values):
                continue
            row = dict(zip(header, (v.strip() for v in values)))
            key = row.get(key_column, "")
            if key_column != "article_id":  # a file name: the article id is its stem
                key = PurePath(key.replace("\\", "/")).stem if key else ""
            if not key:
                _problem(problems, f"{path}:{n}", "bad_manifest", f"line {n} has no {key_column}; line ignored")
                continue
            rows[key] = {k: row.get(k, "") for k in MANIFEST_FIELDS} | {"article_id": key}
    return rows


#: Manifest columns accepted instead of ``article_id``: a file name, whose
#: stem is the article id (``reports/abc.html`` -> ``abc``).
_MANIFEST_FILE_COLUMNS = ("file", "filename", "path")


def _apply_manifest(articles: list[Article], manifest: dict[str, dict[str, str]],
                    problems: list[dict[str, str]]) -> list[Article]:
    out = []
    seen = set()
    for article in articles:
        row = manifest.get(article.article_id)
        if row is not None:
            seen.add(article.article_id)
            changes: dict[str, Any] = {}
            if row["outlet"]:
                changes.update(outlet=row["outlet"], outlet_from="manifest")
            if row["published"]:
                changes["published"] = _iso_date(row["published"]) or article.published
            if row["url"]:
                changes["url"] = row["url"]
            if row["byline"]:
                changes["byline"] = row["byline"]
            if row["title"]:
                # The manifest's headline wins; cleaning still drops a body
                # line that repeats it.
                changes["title"] = row["title"]
            article = replace(article, **changes)
        if article.outlet == "unknown":
            outlet, origin = _infer_outlet(article)
            article = replace(article, outlet=outlet, outlet_from=origin)
        out.append(article)
    for key in sorted(set(manifest) - seen):
        _problem(problems, "manifest.csv", "manifest_unmatched",
                 f"manifest row '{key}' matches no loaded article", severity="warning")
    return out


def _infer_outlet(article: Article) -> tuple[str, str]:
    if article.outlet and article.outlet != "unknown":
        return article.outlet, article.outlet_from
    for pattern in SELF_REFERENCE_PATTERNS:
        match = pattern.search(article.text)
        if match:
            name = match.group(1).strip().rstrip(".")
            name = re.sub(r"^(?:The|the) (?=Daily|New|Washington)", "The ", name)
            return OUTLET_ALIASES.get(name, name), "self_reference"
    return "unknown", "unknown"


def _dedupe_ids(articles: list[Article], problems: list[dict[str, str]]) -> list[Article]:
    """Keep IDs unique: a second article with the same ID gets a numbered suffix."""
    counts: dict[str, int] = {}
    out = []
    for article in articles:
        n = counts.get(article.article_id, 0)
        counts[article.article_id] = n + 1
        if n:
            new_id = f"{article.article_id}~{n + 1}"
            _problem(problems, article.source_path or article.article_id, "duplicate_id",
                     f"article_id '{article.article_id}' already used; renamed to '{new_id}'", severity="warning")
            article = replace(article, article_id=new_id)
        out.append(article)
    return out
