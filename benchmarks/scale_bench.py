"""How ingest, start-up, answers, memory and disk grow with the library: generated articles, real commands.

Generates realistic articles (the styles of tests/data/articles: an English wire story and a Chinese business
story, each with a chief executive and a finance chief quoted by name, pronouns and surnames, an analyst, a
research institute with figures, and a famous name only mentioned), with different companies, people and
figures in each. Builds one library by bulk ingests, measuring a single `bubblebot ingest` (time and peak RSS)
at each size, then the data directory, `sources list`, `sources remove`, a cold `ask`, warm answers in
process, and projects the costs to 10,000 and 100,000 articles.

Usage: nice -n 10 .venv/bin/python benchmarks/scale_bench.py [--sizes 10,100,1000] [--work DIR]
(prints a table; not run by CI)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUBBLEBOT = REPO / ".venv" / "bin" / "bubblebot"

FIRST = [
    "Priya",
    "Omar",
    "Dana",
    "Marcus",
    "Elena",
    "Tomas",
    "Grace",
    "Hiro",
    "Amara",
    "Lucas",
    "Nadia",
    "Felix",
    "Ingrid",
    "Rafael",
    "Sofia",
    "Victor",
    "Leila",
    "Jonah",
    "Mei",
    "Aditya",
    "Clara",
    "Desmond",
    "Yusuf",
    "Helena",
]
LAST = [
    "Nandakumar",
    "Reyes",
    "Whitfield",
    "Okafor",
    "Lindqvist",
    "Brandt",
    "Castellano",
    "Moreau",
    "Hartley",
    "Takahashi",
    "Adeyemi",
    "Novak",
    "Petrov",
    "Alvarez",
    "Kowalski",
    "Sorensen",
    "Vance",
    "Delacroix",
    "Fairbanks",
    "Ishikawa",
    "Mbeki",
    "Rasmussen",
    "Quintero",
    "Ashdown",
]
ORG_HEAD = [
    "Corvane",
    "Halvard",
    "Brightwater",
    "Kestrel",
    "Ostrava",
    "Meridian",
    "Talon",
    "Cobalt",
    "Lumen",
    "Arcadia",
    "Northwind",
    "Vantor",
    "Solace",
    "Quarry",
    "Everline",
    "Pinecrest",
    "Redhawk",
    "Silverline",
]
ORG_TAIL = ["Systems", "Compute", "Cloud", "Networks", "Data", "Labs", "Infrastructure", "Power"]
BANKS = [
    "Marlowe Securities",
    "Ashford Capital",
    "Gresham Partners",
    "Whitcombe Research",
    "Tanager Securities",
]
INSTITUTES = [
    "Halden Energy Institute",
    "Carver Grid Institute",
    "Elmstead Policy Center",
    "Ridgeway Institute",
]
CITIES = ["Denver", "Austin", "Phoenix", "Columbus", "Reno", "Atlanta", "Portland", "Omaha"]
PUBLISHERS = ["Northbridge Ledger", "Prairie Courier", "Harbor Times", "Summit Business Review"]
FAMOUS = [
    "OpenAI chief executive Sam Altman",
    "Nvidia chief executive Jensen Huang",
    "Microsoft chief executive Satya Nadella",
    "Meta chief executive Mark Zuckerberg",
]
ZH_SURNAMES = list("周林陈王李张刘杨黄赵吴徐孙马朱胡郭何高罗郑梁谢宋唐许韩冯邓曹彭曾萧田董")
ZH_GIVEN = [
    "立衡",
    "雅琴",
    "默",
    "建国",
    "思远",
    "晓峰",
    "海燕",
    "志强",
    "文博",
    "若溪",
    "一鸣",
    "佳怡",
    "子涵",
    "浩然",
    "静怡",
    "宇航",
    "明哲",
    "欣然",
    "天佑",
    "嘉豪",
]
ZH_ORG_HEAD = ["星海", "云帆", "天穹", "凌霄", "北辰", "万象", "启明", "远图", "鲲鹏", "赤霄", "青岚", "玄武"]
ZH_ORG_TAIL = ["云", "算力", "智算", "数据", "科技"]
ZH_INSTITUTES = ["华信研究院", "中科睿智研究院", "东方能源研究所", "海川咨询"]
ZH_PUBLISHERS = ["财经观察周刊", "科技日报评论", "经济参考"]
ZH_CITIES = ["杭州", "深圳", "成都", "北京", "上海", "贵阳"]


def english_article(rng: random.Random, n: int) -> str:
    """One English wire story about an AI infrastructure company (different names and figures each time)."""
    org = f"{rng.choice(ORG_HEAD)} {rng.choice(ORG_TAIL)} {n}"
    short = org.split()[0]
    ceo, cfo, analyst = (f"{rng.choice(FIRST)} {rng.choice(LAST)}{n}" for _ in range(3))
    bank, institute = rng.choice(BANKS), rng.choice(INSTITUTES)
    spend, before = rng.randint(40, 300) / 10, rng.randint(20, 120) / 10
    gw, debt, share, util = (
        rng.randint(10, 90) / 10,
        rng.randint(20, 150) / 10,
        rng.randint(10, 40),
        rng.randint(60, 90),
    )
    demand, today, fall = rng.randint(50, 200), rng.randint(10, 40), rng.randint(10, 50)
    return f"""---
title: "{org} bets ${spend} billion on AI capacity as power runs short ({n})"
publisher: {rng.choice(PUBLISHERS)}
language: en
published: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}
---

# {org} bets ${spend} billion on AI capacity as power runs short

The companies that rent out computing power for artificial intelligence are competing for electricity as much as chips.

{org}, a {rng.choice(CITIES)}-based operator of AI data centers, said on Tuesday that it would spend ${spend} billion next year on new capacity, up from ${before} billion this year. "Every conversation with a customer now starts with megawatts, not GPUs," said {ceo}, {short}'s chief executive. The company had signed contracts for {gw} gigawatts of capacity that it has not yet built.

{ceo.split()[1]}, who co-founded the company in 20{rng.randint(10, 20)}, said demand from large AI labs was still accelerating. "We are turning away business," {ceo.split()[1]} said. "That is not what a bubble looks like from the inside."

Finance chief {cfo} cautioned that the pace of spending carried real risks. {cfo.split()[1]} told analysts that {short}'s debt had risen to ${debt} billion and that interest costs would take about {share}% of operating income next year. "We can carry this load, but only if utilization stays above {util}%," {cfo.split()[1]} said.

According to a report by the {institute}, data centers could consume {demand} gigawatts of power in the U.S. by 2030, compared with about {today} gigawatts today. The institute estimated that utilities would need to invest ${rng.randint(200, 900)} billion in transmission lines over the same period.

Not everyone is convinced the building spree will pay off. {analyst}, an analyst at {bank}, said rental prices for top-end AI chips had fallen by {fall}% since January. "When everybody builds the same thing at the same time, prices fall," {analyst.split()[1]} said.

{rng.choice(FAMOUS)} has said that investors are overexcited about AI, even as he argues that the technology itself is real. {ceo.split()[1]} said {short} agreed with both halves of that statement.

{short}'s shares have risen {rng.randint(10, 200)}% this year, giving the company a market value of about ${rng.randint(5, 90)} billion.
"""


def chinese_article(rng: random.Random, n: int) -> str:
    """One Chinese business story (简体) about a computing-rental company, in the style of the test article."""
    org = f"{rng.choice(ZH_ORG_HEAD)}{rng.choice(ZH_ORG_TAIL)}{n}号"
    ceo = rng.choice(ZH_SURNAMES) + rng.choice(ZH_GIVEN)
    cfo = rng.choice(ZH_SURNAMES) + rng.choice(ZH_GIVEN)
    institute = rng.choice(ZH_INSTITUTES)
    capex, ratio, gw = rng.randint(20, 300), rng.randint(2, 6), rng.randint(2, 9)
    margin, later, demand = rng.randint(25, 40), rng.randint(15, 24), rng.randint(80, 300)
    return f"""---
title: 算力租赁{n}：{org}资本开支再创新高，{institute}警告电力缺口
publisher: {rng.choice(ZH_PUBLISHERS)}
language: zh-Hans
published: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}
---

# {org}资本开支再创新高

人工智能基础设施的投资竞赛仍在升温。算力租赁商{org}周二公布，公司明年的资本开支将达到{capex}亿美元，比今年高出约{rng.randint(10, 60)}%。

{org}首席执行官{ceo}在{rng.choice(ZH_CITIES)}举行的业绩说明会上表示，客户对高端算力的需求“远远超出了我们的供给能力”。他说，公司目前签下的长期合同金额已经是现有产能的{ratio}倍。

“有人说这是泡沫，但我看到的是一张排到2027年的订单表，”{ceo}说。他补充道，公司计划在未来两年内把数据中心的电力容量扩大到{gw}吉瓦。

不过，并非所有人都如此乐观。{org}首席财务官{cfo}在同一场会议上承认，公司的自由现金流今年已转为负值。她警告称，明年的毛利率可能从{margin}%降至{later}%左右。

“我们不会为了规模牺牲资产负债表，”她说，“每一笔新增投资都必须在五年内收回成本。”

咨询机构{institute}上周发布的报告估计，到2030年，全球AI数据中心的用电需求将达到{demand}吉瓦。报告认为，电力而不是芯片，将成为下一阶段的主要瓶颈。
"""


def generate(folder: Path, count: int, seed: int = 17) -> list[Path]:
    """count articles (two in three English) written to folder; their paths in order."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(1, count + 1):
        text = chinese_article(rng, n) if n % 3 == 0 else english_article(rng, n)
        path = folder / f"article-{n:05d}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def run(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Run bubblebot: (wall seconds, stdout); stops the benchmark when the command crashes."""
    started = time.perf_counter()
    result = subprocess.run([str(BUBBLEBOT), *args], env=env, capture_output=True, text=True, check=False)
    if result.returncode not in (0, 1):  # 1: some article of a bulk ingest failed (reported in its summary)
        raise SystemExit(f"bubblebot {' '.join(args[:2])} failed: {result.stderr[-2000:]}")
    return time.perf_counter() - started, result.stdout


def measured(args: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one bubblebot command, run by a child that runs only it.

    CPU seconds (user + system) are what the command costs; wall seconds also count waiting for a busy machine.
    """
    code = (
        "import resource,subprocess,sys,time;t=time.perf_counter();"
        f"r=subprocess.run({[str(BUBBLEBOT), *args]!r},capture_output=True);"
        "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(time.perf_counter()-t, u.ru_utime+u.ru_stime, u.ru_maxrss/1024, r.returncode)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    wall, cpu, peak, code_ = out.split()
    if code_ != "0":
        raise SystemExit(f"bubblebot {' '.join(args)} exited {code_}")
    return float(wall), float(cpu), float(peak)


def disk(data_dir: Path) -> int:
    """Bytes of the library and index (the embedding model's download, a fixed cost, left out)."""
    return sum(p.stat().st_size for p in data_dir.rglob("*") if p.is_file() and "use-m3" not in str(p))


def warm(data_dir: Path, questions: list[str]) -> tuple[float, float, float, float, float]:
    """In a fresh process: (open seconds, RSS after open in MB, warm answer p50 ms, p90 ms, CPU ms p50)."""
    code = f"""
import resource, statistics, sys, time
from pathlib import Path
started = time.perf_counter()
from bot.service import AnswerService
from knowledge.base import KnowledgeBase
kb = KnowledgeBase.open(data_dir=Path({str(data_dir)!r}), progress=None)
service = AnswerService(kb)
opened = time.perf_counter() - started
questions = {questions!r}
for q in questions[:5]:
    service.ask(q)
times, cpu = [], []
for q in questions:
    t, c = time.perf_counter(), time.process_time()
    service.ask(q)
    times.append((time.perf_counter() - t) * 1000)
    cpu.append((time.process_time() - c) * 1000)
times.sort()
rss = int(open('/proc/self/statm').read().split()[1]) * 4096 / 2**20
print(opened, rss, statistics.median(times), times[int(len(times) * 0.9)], statistics.median(cpu))
"""
    env = {**os.environ, "BUBBLEBOT_DATA_DIR": str(data_dir)}
    out = subprocess.run(
        [str(REPO / ".venv" / "bin" / "python"), "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout
    opened, rss, p50, p90, cpu = (float(x) for x in out.split())
    return opened, rss, p50, p90, cpu


def questions_for(paths: list[Path]) -> list[str]:
    """Questions a reader would ask about the generated library (its companies, people and institutes)."""
    asked = []
    for path in paths[:: max(1, len(paths) // 20)][:20]:
        text = path.read_text(encoding="utf-8")
        if "language: en" in text:
            org = text.split("\n# ")[1].split(" bets ")[0]
            asked += [
                f"How much will {org} spend on new capacity next year?",
                f"What did {org}'s finance chief say about its debt?",
            ]
        else:
            org = text.split("\n# ")[1].split("资本开支")[0]
            asked += [f"{org}明年的资本开支是多少?"]
    return [
        *asked,
        "How much power could data centers consume by 2030?",
        "Is AI a bubble?",
        "Who said prices fall when everybody builds the same thing?",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10,100,1000", help="library sizes to measure at (ascending)")
    parser.add_argument("--work", type=Path, help="working directory (default: a temporary one, removed)")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    work = args.work or Path(tempfile.mkdtemp(prefix="scale-bench-"))
    data_dir, folder = work / "data", work / "articles"
    shutil.rmtree(data_dir, ignore_errors=True)
    env = {**os.environ, "BUBBLEBOT_DATA_DIR": str(data_dir)}
    paths = generate(folder, sizes[-1])
    print(f"generated {len(paths)} articles in {folder}; data directory {data_dir}", flush=True)
    rows = []
    bulk_seconds, bulk_articles, done = 0.0, 0, 0
    for size in sizes:
        batch = paths[done : size - 1]
        if batch:
            listing = work / "batch.txt"
            listing.write_text("\n".join(str(p) for p in batch) + "\n", encoding="utf-8")
            seconds, out = run(["ingest", "--list", str(listing)], env)
            bulk_seconds, bulk_articles = bulk_seconds + seconds, bulk_articles + len(batch)
            print(
                f"  bulk ingest of {len(batch)} articles: {seconds:.1f} s — {out.strip().splitlines()[0]}",
                flush=True,
            )
        one, one_cpu, peak = measured(["ingest", str(paths[size - 1])], env)
        done = size
        used = disk(data_dir)
        listed, listed_cpu, _ = measured(["sources", "list"], env)
        cold, cold_cpu, _ = measured(["ask", "How much power could data centers consume by 2030?"], env)
        opened, rss, p50, p90, cpu = warm(data_dir, questions_for(paths[:size]))
        rows.append(
            {
                "size": size,
                "ingest": one,
                "ingest_cpu": one_cpu,
                "peak": peak,
                "disk": used,
                "list": listed,
                "list_cpu": listed_cpu,
                "cold": cold,
                "cold_cpu": cold_cpu,
                "open": opened,
                "rss": rss,
                "p50": p50,
                "p90": p90,
                "cpu": cpu,
                "load": os.getloadavg()[0],
            }
        )
        print(f"  {size} articles: {rows[-1]}", flush=True)
    last = paths[sizes[-1] - 1]
    ingested = [json.loads(line) for line in run(["sources", "list", "--json"], env)[1].splitlines()]
    source_id = next(r["id"] for r in ingested if r["file"] == last.name)
    removed, removed_cpu, _ = measured(["sources", "remove", source_id], env)
    print("\nwall seconds (CPU seconds); the machine's load average is in the last column")
    print(
        "| articles | one `ingest` call | its peak RSS | data dir (no model) | bytes per article | `sources list` | "
        "cold `ask` | KB open in process | RSS after open | warm answer p50 / p90 (CPU p50) | load |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    base = rows[0]
    for row in rows:
        per = (
            row["disk"] / row["size"]
            if row is base
            else (row["disk"] - base["disk"]) / (row["size"] - base["size"])
        )
        print(
            f"| {row['size']:,} | {row['ingest']:.1f} s ({row['ingest_cpu']:.1f}) | {row['peak']:.0f} MB | "
            f"{row['disk'] / 2**20:.1f} MB | {per:,.0f} | {row['list']:.2f} s ({row['list_cpu']:.2f}) | "
            f"{row['cold']:.1f} s ({row['cold_cpu']:.1f}) | {row['open']:.1f} s | {row['rss']:.0f} MB | "
            f"{row['p50']:.0f} / {row['p90']:.0f} ms ({row['cpu']:.0f}) | {row['load']:.1f} |"
        )
    top = rows[-1]
    rate = bulk_seconds / max(bulk_articles, 1)
    print(
        f"\nbulk ingest: {bulk_articles} articles in {bulk_seconds:.0f} s ({rate:.2f} s per article); "
        f"1,000 articles ≈ {rate * 1000 / 60:.1f} min at this rate"
    )
    print(f"`sources remove` at {top['size']:,} articles: {removed:.2f} s ({removed_cpu:.2f} s CPU)")
    span = max(top["size"] - base["size"], 1)
    per_article = max(top["disk"] - base["disk"], 0) / span
    rss_per = max(top["rss"] - base["rss"], 0) / span
    open_per = max(top["open"] - base["open"], 0) / span
    for target in (10_000, 100_000):
        print(
            f"projected at {target:,} articles (linear in the measured growth): "
            f"disk {(base['disk'] + per_article * (target - base['size'])) / 2**30:.1f} GB, "
            f"bulk ingest {rate * target / 3600:.1f} h, "
            f"serving RSS {base['rss'] + rss_per * (target - base['size']):.0f} MB, "
            f"KB open {base['open'] + open_per * (target - base['size']):.0f} s"
        )
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
