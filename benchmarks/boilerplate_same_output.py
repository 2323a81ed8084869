"""Same output, and how much faster: this checkout's ``boilerplate`` rule against another's.

    .venv/bin/python benchmarks/boilerplate_same_output.py /path/to/other/checkout [--mb 4] [--random 3000]

Loads the other checkout's ``cleaner/rules/boilerplate.py`` beside this one (both
use this checkout's catalog, edits and rule modules, so a change of code is
compared, not a change of catalog) and compares their edits (positions and
reasons) on: the news-like corpora of ``throughput.py`` (prose and news), the
corpus documents, the cases of ``boilerplate_wild.json``, every catalog
entry's example and look-alike in a few settings (alone, last line, glued,
bulleted, as a link), the adversarial inputs of ``linear_time.py`` (100 KB
each) and random mixes of catalog lines and body text. Prints the inputs
that differ (exit 1 if any), then the CPU time of each on the corpora,
alternating, best of five.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import time
from pathlib import Path

from linear_time import ADVERSARIAL_INPUTS
from throughput import build_corpus

import cleaner.rules.boilerplate as this
from cleaner.boilerplate_catalog import CATALOG

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ("{}", "Body.\n{}\n", "Body. {}\n\nNext.", "Body.{}", "body {}", "• {}\n", "[{}](https://x.y/z)\n")
PIECES = [e.example for e in CATALOG] + [e.look_alike for e in CATALOG]
PIECES += ["Body.", "The", " ", "\n", "\n\n", ". ", "READ MORE»", "Read More", "…", "[", "](http://a.b)", "Jan."]


def load_other(checkout: Path):
    spec = importlib.util.spec_from_file_location("other_boilerplate", checkout / "cleaner/rules/boilerplate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["other_boilerplate"] = module
    spec.loader.exec_module(module)
    return module


def inputs(megabytes: float, randoms: int) -> dict[str, str]:
    texts = {
        "prose corpus": "\n\n".join(build_corpus(megabytes, seed=2024)),
        "news corpus": "\n\n".join(build_corpus(megabytes, seed=2024, news=True)),
    }
    texts.update({f"corpus {path.name}": path.read_text("utf-8") for path in sorted((ROOT / "corpus").glob("*.*"))})
    cases = json.loads((ROOT / "benchmarks/boilerplate_wild.json").read_text("utf-8"))["cases"]
    texts.update({f"wild {case['id']}": case["input"] for case in cases})
    for entry in CATALOG:
        for text in (entry.example, entry.look_alike):
            texts.update({f"{entry.name} {setting!r} {text}": setting.format(text) for setting in SETTINGS})
    texts.update({f"adversarial {name}": build(100_000) for name, build in ADVERSARIAL_INPUTS.items()})
    rng = random.Random(7)
    for index in range(randoms):
        parts = [rng.choice(PIECES) + rng.choice(["", " ", "\n", "\n\n", ". "]) for _ in range(rng.randint(1, 12))]
        texts[f"random {index}"] = "".join(parts)
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="the other checkout (its cleaner/rules/boilerplate.py)")
    parser.add_argument("--mb", type=float, default=4.0, help="size of each news-like corpus")
    parser.add_argument("--random", type=int, default=3000, help="how many random mixes")
    args = parser.parse_args()
    other = load_other(args.other)
    texts = inputs(args.mb, args.random)
    differ = [name for name, text in texts.items() if this.RULE.find_edits(text) != other.RULE.find_edits(text)]
    print(f"{len(texts)} inputs, {len(differ)} with other edits")
    for name in differ[:20]:
        print(f"  differs: {name[:100]!r}")
    for name in ("prose corpus", "news corpus"):
        text, best = texts[name], {"other": float("inf"), "this": float("inf")}
        for _ in range(5):
            for label, module in (("other", other), ("this", this)):
                start = time.process_time()
                module.RULE.apply(text)
                best[label] = min(best[label], time.process_time() - start)
        size = len(text.encode("utf-8")) / 1e6
        print(
            f"{name}: other {size / best['other']:.0f} MB/s, this {size / best['this']:.0f} MB/s"
            f" ({best['other'] / best['this']:.2f}x, CPU time, best of 5)"
        )
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
