"""Build the one-folder desktop app, check its size, and smoke-test the built executable.

    python3 dev.py package                 # what users and CI run
    .venv/bin/python packaging/build.py --skip-build   # smoke-test the last build again

The smoke test runs the frozen executable, never the source tree: from a temporary
directory, with no PYTHONPATH, HOME and the data directory pointed at temporary folders,
and Qt offscreen. It fails (exit status 1, with the reason) on the first thing a user
would notice: a missing data file, a command that does not print, a PDF that is not
written, a window that does not stay up, or a file written inside the program's folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "visit-viewer.spec"
NAME = "visit-viewer"
# The unpacked one-folder build measured 156 MB on Linux x86-64 (PySide6 6.12, Python
# 3.11; ICU's data alone is 31 MB). The budget leaves room for growth but not for an
# accidental QtWebEngine, torch or an unstripped libpython.
SIZE_BUDGET_MB = 175
SAMPLE = ROOT / "data" / "000_172bc57fb8c9c5e3.txt"
SAMPLE_DATE = "2025-12-12"  # "Sáng 12/12" in a file saved the next day
WINDOW_SECONDS = 3.0  # the window must stay up this long after the archive is made
WINDOW_TIMEOUT = 60.0  # ... which must happen within this long (sample import, cold disk)
sys.path.insert(0, str(ROOT))


class Failure(Exception):
    """A check failed; the message says what a user would see."""


# --- Build ----------------------------------------------------------------------------


def build(work: Path, dist: Path) -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise Failure(
            "PyInstaller is not installed: run `python3 dev.py package`, which installs "
            "the `package` extra"
        ) from None
    for folder in (work, dist / NAME, dist / "Visit Viewer.app"):
        shutil.rmtree(folder, ignore_errors=True)
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--workpath", str(work), "--distpath", str(dist), str(SPEC),
    ]
    print(f"Building with PyInstaller into {dist / NAME} …", flush=True)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise Failure(
            f"PyInstaller failed (exit status {result.returncode}):\n{result.stdout}"
            f"{result.stderr[-6000:]}"
        )
    print(f"Built in {time.perf_counter() - started:.0f} s.")


def bundle_root(dist: Path) -> Path:
    """The folder a user installs: the .app on macOS, else the one-folder build."""
    return dist / "Visit Viewer.app" if sys.platform == "darwin" else dist / NAME


def executables(dist: Path) -> tuple[Path, Path]:
    """(the window's executable, the command line's executable)."""
    if sys.platform == "win32":
        return dist / NAME / f"{NAME}.exe", dist / NAME / "viewer.exe"
    if sys.platform == "darwin":
        exe = bundle_root(dist) / "Contents" / "MacOS" / NAME
        return exe, exe
    return dist / NAME / NAME, dist / NAME / NAME


# --- Size -----------------------------------------------------------------------------


def check_size(root: Path) -> int:
    files = [p for p in root.rglob("*") if p.is_file() and not p.is_symlink()]
    sizes = sorted(((p.stat().st_size, p) for p in files), reverse=True)
    total = sum(size for size, _ in sizes)
    print(f"Size: {total / 1e6:.1f} MB unpacked in {len(files)} files "
          f"(budget {SIZE_BUDGET_MB} MB).")
    if total > SIZE_BUDGET_MB * 1e6:
        largest = "\n".join(
            f"  {size / 1e6:7.1f} MB  {path.relative_to(root)}" for size, path in sizes[:20]
        )
        raise Failure(
            f"the build is {total / 1e6:.1f} MB, over its budget of {SIZE_BUDGET_MB} MB. "
            f"Largest files:\n{largest}\nExclude what the app does not use in "
            f"packaging/visit-viewer.spec, or raise SIZE_BUDGET_MB in packaging/build.py "
            f"and say why in packaging/README.md."
        )
    return total


# --- Smoke test -----------------------------------------------------------------------


def clean_env(temp: Path, data_dir: Path) -> dict[str, str]:
    """The environment of a user who has never run the app and has no Python set up."""
    env = {
        k: v for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_", "VIEWER_", "XDG_"))
    }
    venv_bin = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if p and p != venv_bin
    )
    home = temp / "home"
    for key, sub in (("HOME", ""), ("USERPROFILE", ""), ("XDG_CONFIG_HOME", ".config"),
                     ("XDG_DATA_HOME", ".local/share"), ("XDG_CACHE_HOME", ".cache")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[key] = str(home / sub)
    env["VIEWER_DATA_DIR"] = str(data_dir)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run(exe: Path, args: Sequence[str], env: dict[str, str], cwd: Path,
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    what = f"`{exe.name} {' '.join(args)}`"
    try:
        result = subprocess.run([str(exe), *args], env=env, cwd=cwd, capture_output=True,
                                text=True, encoding="utf-8", timeout=timeout)
    except subprocess.TimeoutExpired:
        raise Failure(f"{what} did not finish in {timeout:.0f} s") from None
    if result.returncode != 0:
        raise Failure(f"{what} failed with exit status {result.returncode}:\n"
                      f"{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return result


def run_json(exe: Path, args: Sequence[str], env: dict[str, str], cwd: Path,
             timeout: float = 120) -> object:
    result = run(exe, args, env, cwd, timeout)
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError:
        raise Failure(f"`{' '.join(args)}` printed no JSON:\n{result.stdout[-2000:]}"
                      f"{result.stderr[-2000:]}") from None


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise Failure(message)


def saved_sample(folder: Path, name: str = "bai-bao.txt") -> Path:
    """The sample article as a user has it: saved the day after the visit (the extractor
    takes the year of "12/12" from the file's date, so the date must not be the clone's)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(SAMPLE, target)
    saved = dt.datetime(2025, 12, 13, 9, 0).timestamp()
    os.utime(target, (saved, saved))
    return target


FOOTER = "Bản quyền thuộc về tòa soạn Kỳ Lân"


def web_pages(folder: Path) -> Path:
    """Two saved news web pages with a menu, a sidebar and a footer: the sample article,
    and a short news item (short pages are where trafilatura calls on justext).

    The reader falls back to every <p> when trafilatura fails, so only two things prove
    trafilatura and its data files work frozen: no footer is in the articles, and the
    publication date comes from the page's metadata (htmldate).
    """
    lines = [line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    title, body = lines[0], [line for line in lines[1:] if line]
    short = ("Chủ tịch UBND tỉnh thăm xã Biện Thượng",
             ["Sáng 12/12, đồng chí Chủ tịch UBND tỉnh thăm, làm việc tại xã Biện Thượng."])
    folder.mkdir(parents=True, exist_ok=True)
    for name, (heading, paragraphs) in (("bai-bao.html", (title, body)), ("tin-ngan.html", short)):
        text = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>{html.escape(heading)} | Báo điện tử</title>
<meta property="og:title" content="{html.escape(heading)}">
<meta property="article:published_time" content="2025-12-12T18:30:00+07:00">
</head><body>
<header><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li>
<li><a href="/kinh-te">Kinh tế</a></li></ul></nav></header>
<main><article><h1>{html.escape(heading)}</h1>
{text}
</article></main>
<aside><p>Đọc nhiều nhất: Giá vàng hôm nay tăng mạnh phiên đầu tuần</p></aside>
<footer><p>Giấy phép hoạt động báo điện tử số 999. {FOOTER}.</p></footer>
</body></html>"""
        (folder / name).write_text(page, encoding="utf-8")
    return folder


def word_document(folder: Path) -> Path:
    import docx  # python-docx, a dependency of the app, so present where the build runs

    lines = [line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    document = docx.Document()
    document.add_heading(lines[0], level=1)
    for line in lines[1:]:
        if line:
            document.add_paragraph(line)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "bai-bao.docx"
    document.save(str(target))
    return target


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in root.rglob("*") if not p.is_symlink()
    }


def imported(report: object) -> tuple[list, list, list]:  # type: ignore[type-arg]
    expect(isinstance(report, dict), f"the import report is not a JSON object: {report!r}")
    assert isinstance(report, dict)
    return report["imported"], report["duplicates"], report["failed"]


def smoke_test(window_exe: Path, cli_exe: Path, temp: Path) -> dict[str, float]:
    from viewer import __version__
    from viewer.core.importer import PARALLEL_FROM

    timings: dict[str, float] = {}
    work = temp / "cwd"
    work.mkdir()
    env = clean_env(temp, temp / "data-cli")

    print("  --version", flush=True)
    out = run(cli_exe, ["--version"], env, work).stdout.strip()
    expect(out == f"viewer {__version__}", f"--version printed {out!r}, not 'viewer {__version__}'")

    print("  import a saved article (.txt)", flush=True)
    db = temp / "a.sqlite"
    ok, dup, failed = imported(run_json(
        cli_exe, ["import", str(saved_sample(temp / "in")), "--db", str(db), "--json"], env, work))
    expect(len(ok) == 1 and not failed, f"importing the sample article: {ok=} {failed=}")

    print("  visits --json", flush=True)
    visits = run_json(cli_exe, ["visits", "--db", str(db), "--json"], env, work)
    expect(isinstance(visits, list) and len(visits) == 1,
           f"`visits` should list the one imported visit, got {visits!r:.500}")
    assert isinstance(visits, list)
    expect(visits[0].get("date") == SAMPLE_DATE,
           f"the sample's visit should be dated {SAMPLE_DATE}, got {visits[0].get('date')!r}")

    print("  summary --pdf (Qt printing, bundled fonts)", flush=True)
    pdf = temp / "s.pdf"
    run(cli_exe, ["summary", str(visits[0]["id"]), "--db", str(db), "--pdf", str(pdf)], env, work)
    expect(pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 2000,
           f"`summary` did not write a PDF at {pdf}")

    print("  import saved web pages (.html: trafilatura, htmldate, justext data)", flush=True)
    web_db = temp / "web.sqlite"
    ok, dup, failed = imported(run_json(
        cli_exe, ["import", str(web_pages(temp / "web")), "--db", str(web_db), "--json"],
        env, work))
    expect(len(ok) == 2 and not failed, f"importing two web pages: {ok=} {failed=}")
    hits = run_json(cli_exe, ["search", "Vĩnh Lộc", "--db", str(web_db), "--json"], env, work)
    expect(isinstance(hits, list) and len(hits) == 1,
           f"the web page's article text is not searchable: {hits!r:.500}")
    assert isinstance(hits, list)
    expect(hits[0]["published"] == SAMPLE_DATE,
           f"the web page's publication date was not read from its metadata (htmldate in "
           f"trafilatura): got {hits[0]['published']!r}")
    footer = run_json(cli_exe, ["search", FOOTER, "--db", str(web_db), "--json"], env, work)
    expect(footer == [], "a web page's footer was imported as article text: trafilatura "
           "(or justext, for the short page) failed in the frozen app and the reader fell "
           "back to every <p>")

    print("  import a Word document (.docx: python-docx)", flush=True)
    ok, dup, failed = imported(run_json(
        cli_exe, ["import", str(word_document(temp / "word")), "--db",
                  str(temp / "word.sqlite"), "--json"], env, work))
    expect(len(ok) == 1 and not failed, f"importing a .docx: {ok=} {failed=}")

    print(f"  import {PARALLEL_FROM} files (worker processes of the frozen app)", flush=True)
    many = temp / "many"
    first = saved_sample(many, "0000.txt")
    for i in range(1, PARALLEL_FROM):
        shutil.copy2(first, many / f"{i:04}.txt")
    started = time.perf_counter()
    ok, dup, failed = imported(run_json(
        cli_exe, ["import", str(many), "--db", str(temp / "many.sqlite"), "--json"],
        env, work, timeout=300))
    timings[f"import {PARALLEL_FROM} files"] = time.perf_counter() - started
    expect(len(ok) + len(dup) == PARALLEL_FROM and not failed,
           f"a parallel import lost files: {len(ok)} imported, {len(dup)} duplicates, "
           f"{len(failed)} failed {failed[:3]!r}")

    print("  first launch from the command line: the archive is made from the samples",
          flush=True)
    visits = run_json(cli_exe, ["visits", "--json"], env, work)
    archive = temp / "data-cli" / "archive.sqlite"
    expect(archive.is_file(), f"no default archive at {archive}")
    samples = [p for p in (ROOT / "data").iterdir() if p.is_file()]
    expect(isinstance(visits, list) and len(visits) >= 1,
           f"the default archive made from {len(samples)} bundled samples lists no visit")

    print("  the window, offscreen, on a first launch", flush=True)
    timings.update(check_window(window_exe, temp))
    return timings


def check_window(exe: Path, temp: Path) -> dict[str, float]:
    """Start the window on a first launch; it must make the archive and stay up."""
    data_dir = temp / "data-window"
    archive = data_dir / "archive.sqlite"
    env = clean_env(temp, data_dir)
    log = temp / "window.log"
    started = time.perf_counter()
    archive_made = None
    with log.open("w") as output:
        process = subprocess.Popen([str(exe)], env=env, cwd=temp / "cwd", stdout=output,
                                   stderr=subprocess.STDOUT)
        try:
            while (code := process.poll()) is None:
                now = time.perf_counter() - started
                if archive_made is None and archive.is_file():
                    archive_made = now
                if archive_made is not None and now - archive_made >= WINDOW_SECONDS:
                    break
                if now > WINDOW_TIMEOUT:
                    break
                time.sleep(0.05)
        finally:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
    elapsed = time.perf_counter() - started
    text = log.read_text(encoding="utf-8", errors="replace")
    if code is not None:
        raise Failure(f"the window exited after {elapsed:.1f} s with status {code}:\n"
                      f"{text[-4000:]}")
    if "Traceback" in text:
        raise Failure(f"the window printed an error:\n{text[-4000:]}")
    expect(archive_made is not None, f"the window's first launch made no archive at "
           f"{archive} in {WINDOW_TIMEOUT:.0f} s")
    assert archive_made is not None
    print(f"    the archive was made after {archive_made:.1f} s and the window was still "
          f"up {WINDOW_SECONDS:.0f} s later")
    return {"first launch: archive made": archive_made}


def seconds_to_paint(command: list[str], env: dict[str, str], cwd: Path) -> float:
    """From starting the window to its first painted timeline.

    viewer.qt.app honours VIEWER_EXIT_AFTER_PAINT=1: it prints `VIEWER_PAINTED <epoch>`
    once the timeline has painted, and quits.
    """
    launched = time.time()
    try:
        result = subprocess.run(command, env=dict(env, VIEWER_EXIT_AFTER_PAINT="1"), cwd=cwd,
                                capture_output=True, text=True, timeout=WINDOW_TIMEOUT)
    except subprocess.TimeoutExpired as timeout:
        said = "".join(
            part.decode(errors="replace") if isinstance(part, bytes) else (part or "")
            for part in (timeout.stdout, timeout.stderr)
        )
        raise Failure(
            f"no VIEWER_PAINTED within {WINDOW_TIMEOUT:.0f} s (a dialog open?); "
            f"it printed: {said[-1500:]}"
        ) from None
    for line in result.stdout.splitlines():
        if line.startswith("VIEWER_PAINTED "):
            return float(line.split()[1]) - launched
    raise Failure(f"the window quit (status {result.returncode}) without painting:\n"
                  f"{result.stdout[-2000:]}{result.stderr[-2000:]}")


# --- Start-up time --------------------------------------------------------------------


def time_command(command: list[str], env: dict[str, str], cwd: Path,
                 runs: int = 5) -> tuple[float, float]:
    """(the first run, the median of the next `runs`), in seconds."""
    samples = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        subprocess.run(command, env=env, cwd=cwd, capture_output=True, check=True)
        samples.append(time.perf_counter() - started)
    return samples[0], statistics.median(samples[1:])


def start_up_times(window_exe: Path, cli_exe: Path,
                   temp: Path) -> list[tuple[str, float, float]]:
    env = clean_env(temp, temp / "data-timing")
    source_env = dict(env, PYTHONPATH=str(ROOT))
    source = [sys.executable, "-m", "viewer"]
    db = str(temp / "a.sqlite")
    rows = []
    for label, args in (("--version", ["--version"]),
                        ("visits --json", ["visits", "--db", db, "--json"])):
        rows.append((f"frozen {label}", *time_command([str(cli_exe), *args], env, ROOT)))
        rows.append((f"source {label}", *time_command([*source, *args], source_env, ROOT)))
    # The source tree may be newer than the build (a schema change migrates the archive and
    # shows a dialog), so each side opens its own copy.
    source_db = temp / "a-source.sqlite"
    shutil.copyfile(db, source_db)
    for label, command, command_env in (
        ("frozen", [str(window_exe), "--db", db], env),
        ("source", [*source, "--db", str(source_db)], source_env),
    ):
        try:
            paints = [seconds_to_paint(command, command_env, ROOT) for _ in range(4)]
        except Failure as failure:  # a measurement, not a check: the window check passed
            print(f"  {label} window first paint: not measured: {str(failure)[:500]}")
            continue
        rows.append((f"{label} window first paint", paints[0], statistics.median(paints[1:])))
    return rows


# --- Main -----------------------------------------------------------------------------


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true",
                        help="check and smoke-test the existing dist/ without rebuilding")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="where the app is built (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder (default: build/pyinstaller/)")
    parser.add_argument("--keep-temp", action="store_true",
                        help="leave the smoke test's temporary folder for inspection")
    args = parser.parse_args(argv)
    try:
        dist = args.dist.resolve()
        if not args.skip_build:
            build(args.work.resolve(), dist)
        root = bundle_root(dist)
        window_exe, cli_exe = executables(dist)
        expect(window_exe.is_file() and cli_exe.is_file(),
               f"no built executable at {cli_exe}: build first")
        shown = root.relative_to(ROOT) if root.is_relative_to(ROOT) else root
        size = check_size(root)
        before = snapshot(root)
        temp = Path(tempfile.mkdtemp(prefix="visit-viewer-smoke-"))
        try:
            print(f"Smoke test of {cli_exe} in {temp}:", flush=True)
            timings = smoke_test(window_exe, cli_exe, temp)
            print("Start-up (first run, then the median of the next runs):")
            for label, first, median in start_up_times(window_exe, cli_exe, temp):
                print(f"  {label:<28} {first:6.2f} s  {median:6.2f} s")
            for label, seconds in timings.items():
                print(f"  {label:<28} {seconds:6.2f} s")
            after = snapshot(root)  # after every run of the frozen app, timings included
            changed = sorted(
                name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
            )
            expect(not changed, "the app wrote inside its own folder:\n  "
                   + "\n  ".join(changed[:20]))
            print("Nothing was written inside the program's folder.")
        finally:
            if args.keep_temp:
                print(f"Kept {temp}")
            else:
                shutil.rmtree(temp, ignore_errors=True)
    except Failure as failure:
        print(f"\npackaging FAILED: {failure}", file=sys.stderr)
        return 1
    print(f"\nOK: {shown} ({size / 1e6:.0f} MB) passed the smoke test.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
