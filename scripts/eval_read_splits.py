"""Every dev split and every read test split, rag and agentic; agentic prepared on its corpus's
dev split as `compare` does (the abstention threshold), so a read split is answered as a fresh
one would be. Generations are cached in WORK's projects, so a rerun after a change to agentic
takes seconds.

    OMP_WAIT_POLICY=PASSIVE ONEDNN_MAX_CPU_ISA=AVX2 \
        python scripts/eval_read_splits.py OUTNAME [CORPUS...]

WORK ($RAGTUNE_EVAL_WORK, default /tmp/ragtune-read) holds catalog-docs, prose-docs,
prose2-docs and prose3-docs (built by scripts/build_evalsets.py), seed-docs (the seed article), world
(`generate_world("small", 0)`), read2/ to read12/: copies of the read test2..test12 splits named
catalog.jsonl, prose.jsonl, tables.jsonl, and readp2/prose2.jsonl, readp3/prose3.jsonl and
readt2/tables2.jsonl, readp4/prose4.jsonl, readt3/tables3.jsonl and readc2/catalog2.jsonl (the
read test splits of prose2, prose3, tables2, prose4, tables3 and catalog2), and readc3/catalog3.jsonl,
readp5/prose5.jsonl and readt4/tables4.jsonl (catalog3's, prose5's and tables4's, read on 2026-12-02),
readc4/catalog4.jsonl, readp6/prose6.jsonl and readt5/tables5.jsonl (catalog4's, prose6's and
tables5's, read on the afternoon of 2026-12-02), readc5/catalog5.jsonl, readp7/prose7.jsonl and
readt6/tables6.jsonl (catalog5's, prose7's and tables6's, read on the evening of 2026-12-02),
readc6/catalog6.jsonl, readp8/prose8.jsonl and readt7/tables7.jsonl (catalog6's, prose8's and
tables7's, read on 2026-12-03), readc7/catalog7.jsonl, readp9/prose9.jsonl and
readt8/tables8.jsonl (catalog7's, prose9's and tables8's, read later on 2026-12-03),
readc8/catalog8.jsonl, readp10/prose10.jsonl and readt9/tables9.jsonl (catalog8's, prose10's and
tables9's, read in the evening of 2026-12-03), readc9/catalog9.jsonl, readp11/prose11.jsonl and
readt10/tables10.jsonl (catalog9's, prose11's and tables10's, read later on 2026-12-03),
readc10/catalog10.jsonl, readp12/prose12.jsonl and readt11/tables11.jsonl (catalog10's, prose12's
and tables11's, read in the afternoon of 2026-12-03), readc11/catalog11.jsonl,
readp13/prose13.jsonl and readt12/tables12.jsonl (catalog11's, prose13's and tables12's, read in
the evening of 2026-12-03), readc12/catalog12.jsonl, readp14/prose14.jsonl and
readt13/tables13.jsonl (catalog12's, prose14's and tables13's, read later that evening),
readc13/catalog13.jsonl, readp15/prose15.jsonl and readt14/tables14.jsonl (catalog13's, prose15's
and tables14's, read late that night), readc14/catalog14.jsonl, readp16/prose16.jsonl and
readt15/tables15.jsonl (catalog14's, prose16's and tables15's, read on 2026-12-04),
readc15/catalog15.jsonl, readp17/prose17.jsonl and readt16/tables16.jsonl (catalog15's, prose17's
and tables16's, read later on 2026-12-04), readc16/catalog16.jsonl, readp18/prose18.jsonl and
readt17/tables17.jsonl (catalog16's, prose18's and tables17's, read in the afternoon of 2026-12-04),
readc17/catalog17.jsonl, readp19/prose19.jsonl and readt18/tables18.jsonl (catalog17's, prose19's
and tables18's, read in the evening of 2026-12-04), readc18/catalog18.jsonl, readp20/prose20.jsonl and
readt19/tables19.jsonl (catalog18's, prose20's and tables19's, read later that evening),
readc19/catalog19.jsonl, readp21/prose21.jsonl and readt20/tables20.jsonl (catalog19's, prose21's
and tables20's, read after midnight), readc20/catalog20.jsonl, readp22/prose22.jsonl and
readt21/tables21.jsonl (catalog20's, prose22's and tables21's, read on 2026-12-05),
readc21/catalog21.jsonl, readp23/prose23.jsonl and readt22/tables22.jsonl (catalog21's, prose23's
and tables22's, read later that morning), readc22/catalog22.jsonl, readp24/prose24.jsonl and
readt23/tables23.jsonl (catalog22's, prose24's and tables23's, read before noon), readc23 to
readc27, readp25 to readp29 and readt24 to readt28 (catalog23 to catalog27's, prose25 to prose29's
and tables24 to tables28's, read later on 2026-12-05), and readc28, readp30 and readt29
(catalog28's, prose30's and tables29's, read on 2026-12-06), and readc29, readp31 and readt30
(catalog29's, prose31's and tables30's, read later that morning), and readc30, readp32 and readt31
(catalog30's, prose32's and tables31's, read before noon), and readc31, readp33 and readt32
(catalog31's, prose33's and tables32's, read after noon), and readc32, readp34 and readt33
(catalog32's, prose34's and tables33's, read that afternoon), and readc33, readp35 and readt34
(catalog33's, prose35's and tables34's, read that evening before any tuning on them), and
readc34, readp36 and readt35 (catalog34's, prose36's and tables35's, read after them), and
readc35, readp37 and readt36 (catalog35's, prose37's and tables36's, read that night), and
readc36, readp38 and readt37 (catalog36's, prose38's and tables37's, read later that night), and
readc37, readp39 and readt38 (catalog37's, prose39's and tables38's, read early on 2026-12-07), and
readc38, readp40 and readt39 (catalog38's, prose40's and tables39's, read later that morning), and
readc39, readp41 and readt40 (catalog39's, prose41's and tables40's, read soon after), and
readc40, readp42 and readt41 (catalog40's, prose42's and tables41's, read after them), and
readc41, readp43 and readt42 (catalog41's, prose43's and tables42's, read that afternoon), and
readc42, readp44 and readt43 (catalog42's, prose44's and tables43's, read later that afternoon), and
readc43, readp45 and readt44 (catalog43's, prose45's and tables44's, read that night), and
readc44, readp46 and readt45 (catalog44's, prose46's and tables45's, read later that night), and
readc45, readp47 and readt46 (catalog45's, prose47's and tables46's, read on 2026-12-08), and
readc46, readp48 and readt47 (catalog46's, prose48's and tables47's, read early that morning); copies, so
no tool reads a test file by accident. Writes
WORK/evals/OUTNAME/CORPUS-SPLIT-STRATEGY.jsonl (answers with traces) and summary.json.
EXP_THRESHOLD=t answers with that threshold instead of preparing (to simulate thresholds).

    python scripts/eval_read_splits.py --setup

rebuilds WORK from the repository alone (a new machine, or a scratch space lost): the read
copies (r1 is a set's `test.jsonl`, rN its `testN.jsonl`: only splits already read are in the
table below), the built corpora (catalog, prose, prose2, prose3), the seed article and the small
world, each skipped where it exists.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = Path(os.environ.get("RAGTUNE_EVAL_WORK", "/tmp/ragtune-read"))


def corpora() -> dict[str, tuple[Path, Path, dict[str, Path]]]:
    """name -> (documents, dev split, {split: read copy})."""
    sets = ROOT / "evalsets"
    reads = {name: {f"r{n}": WORK / f"read{n}" / f"{name}.jsonl" for n in (2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)}
             for name in ("catalog", "prose", "tables")}
    return {
        "catalog": (WORK / "catalog-docs", sets / "catalog" / "dev.jsonl", reads["catalog"]),
        "prose": (WORK / "prose-docs", sets / "prose" / "dev.jsonl", reads["prose"]),
        "prose2": (WORK / "prose2-docs", sets / "prose2" / "dev.jsonl",
                   {"r1": WORK / "readp2" / "prose2.jsonl"}),
        "prose3": (WORK / "prose3-docs", sets / "prose3" / "dev.jsonl",
                   {"r1": WORK / "readp3" / "prose3.jsonl"}),
        "tables2": (sets / "tables2" / "corpus", sets / "tables2" / "dev.jsonl",
                    {"r1": WORK / "readt2" / "tables2.jsonl"}),
        "prose4": (sets / "prose4" / "corpus", sets / "prose4" / "dev.jsonl",
                   {"r1": WORK / "readp4" / "prose4.jsonl"}),
        "tables3": (sets / "tables3" / "corpus", sets / "tables3" / "dev.jsonl",
                    {"r1": WORK / "readt3" / "tables3.jsonl"}),
        "catalog2": (sets / "catalog2" / "corpus", sets / "catalog2" / "dev.jsonl",
                     {"r1": WORK / "readc2" / "catalog2.jsonl"}),
        "catalog3": (sets / "catalog3" / "corpus", sets / "catalog3" / "dev.jsonl",
                     {"r1": WORK / "readc3" / "catalog3.jsonl"}),
        "prose5": (sets / "prose5" / "corpus", sets / "prose5" / "dev.jsonl",
                   {"r1": WORK / "readp5" / "prose5.jsonl"}),
        "tables4": (sets / "tables4" / "corpus", sets / "tables4" / "dev.jsonl",
                    {"r1": WORK / "readt4" / "tables4.jsonl"}),
        "catalog4": (sets / "catalog4" / "corpus", sets / "catalog4" / "dev.jsonl",
                     {"r1": WORK / "readc4" / "catalog4.jsonl"}),
        "prose6": (sets / "prose6" / "corpus", sets / "prose6" / "dev.jsonl",
                   {"r1": WORK / "readp6" / "prose6.jsonl"}),
        "tables5": (sets / "tables5" / "corpus", sets / "tables5" / "dev.jsonl",
                    {"r1": WORK / "readt5" / "tables5.jsonl"}),
        "catalog5": (sets / "catalog5" / "corpus", sets / "catalog5" / "dev.jsonl",
                     {"r1": WORK / "readc5" / "catalog5.jsonl"}),
        "prose7": (sets / "prose7" / "corpus", sets / "prose7" / "dev.jsonl",
                   {"r1": WORK / "readp7" / "prose7.jsonl"}),
        "tables6": (sets / "tables6" / "corpus", sets / "tables6" / "dev.jsonl",
                    {"r1": WORK / "readt6" / "tables6.jsonl"}),
        "catalog6": (sets / "catalog6" / "corpus", sets / "catalog6" / "dev.jsonl",
                     {"r1": WORK / "readc6" / "catalog6.jsonl"}),
        "prose8": (sets / "prose8" / "corpus", sets / "prose8" / "dev.jsonl",
                     {"r1": WORK / "readp8" / "prose8.jsonl"}),
        "tables7": (sets / "tables7" / "corpus", sets / "tables7" / "dev.jsonl",
                     {"r1": WORK / "readt7" / "tables7.jsonl"}),
        "catalog7": (sets / "catalog7" / "corpus", sets / "catalog7" / "dev.jsonl",
                     {"r1": WORK / "readc7" / "catalog7.jsonl"}),
        "prose9": (sets / "prose9" / "corpus", sets / "prose9" / "dev.jsonl",
                   {"r1": WORK / "readp9" / "prose9.jsonl"}),
        "tables8": (sets / "tables8" / "corpus", sets / "tables8" / "dev.jsonl",
                    {"r1": WORK / "readt8" / "tables8.jsonl"}),
        "catalog8": (sets / "catalog8" / "corpus", sets / "catalog8" / "dev.jsonl",
                     {"r1": WORK / "readc8" / "catalog8.jsonl"}),
        "prose10": (sets / "prose10" / "corpus", sets / "prose10" / "dev.jsonl",
                    {"r1": WORK / "readp10" / "prose10.jsonl"}),
        "tables9": (sets / "tables9" / "corpus", sets / "tables9" / "dev.jsonl",
                    {"r1": WORK / "readt9" / "tables9.jsonl"}),
        "catalog9": (sets / "catalog9" / "corpus", sets / "catalog9" / "dev.jsonl",
                     {"r1": WORK / "readc9" / "catalog9.jsonl"}),
        "prose11": (sets / "prose11" / "corpus", sets / "prose11" / "dev.jsonl",
                    {"r1": WORK / "readp11" / "prose11.jsonl"}),
        "tables10": (sets / "tables10" / "corpus", sets / "tables10" / "dev.jsonl",
                     {"r1": WORK / "readt10" / "tables10.jsonl"}),
        "catalog10": (sets / "catalog10" / "corpus", sets / "catalog10" / "dev.jsonl",
                      {"r1": WORK / "readc10" / "catalog10.jsonl"}),
        "prose12": (sets / "prose12" / "corpus", sets / "prose12" / "dev.jsonl",
                    {"r1": WORK / "readp12" / "prose12.jsonl"}),
        "tables11": (sets / "tables11" / "corpus", sets / "tables11" / "dev.jsonl",
                     {"r1": WORK / "readt11" / "tables11.jsonl"}),
        "catalog11": (sets / "catalog11" / "corpus", sets / "catalog11" / "dev.jsonl",
                      {"r1": WORK / "readc11" / "catalog11.jsonl"}),
        "prose13": (sets / "prose13" / "corpus", sets / "prose13" / "dev.jsonl",
                    {"r1": WORK / "readp13" / "prose13.jsonl"}),
        "tables12": (sets / "tables12" / "corpus", sets / "tables12" / "dev.jsonl",
                     {"r1": WORK / "readt12" / "tables12.jsonl"}),
        "catalog12": (sets / "catalog12" / "corpus", sets / "catalog12" / "dev.jsonl",
                      {"r1": WORK / "readc12" / "catalog12.jsonl"}),
        "prose14": (sets / "prose14" / "corpus", sets / "prose14" / "dev.jsonl",
                    {"r1": WORK / "readp14" / "prose14.jsonl"}),
        "tables13": (sets / "tables13" / "corpus", sets / "tables13" / "dev.jsonl",
                     {"r1": WORK / "readt13" / "tables13.jsonl"}),
        "catalog13": (sets / "catalog13" / "corpus", sets / "catalog13" / "dev.jsonl",
                     {"r1": WORK / "readc13" / "catalog13.jsonl"}),
        "prose15": (sets / "prose15" / "corpus", sets / "prose15" / "dev.jsonl",
                   {"r1": WORK / "readp15" / "prose15.jsonl"}),
        "tables14": (sets / "tables14" / "corpus", sets / "tables14" / "dev.jsonl",
                    {"r1": WORK / "readt14" / "tables14.jsonl"}),
        "catalog14": (sets / "catalog14" / "corpus", sets / "catalog14" / "dev.jsonl",
                     {"r1": WORK / "readc14" / "catalog14.jsonl"}),
        "prose16": (sets / "prose16" / "corpus", sets / "prose16" / "dev.jsonl",
                   {"r1": WORK / "readp16" / "prose16.jsonl"}),
        "tables15": (sets / "tables15" / "corpus", sets / "tables15" / "dev.jsonl",
                    {"r1": WORK / "readt15" / "tables15.jsonl"}),
        "catalog15": (sets / "catalog15" / "corpus", sets / "catalog15" / "dev.jsonl",
                      {"r1": WORK / "readc15" / "catalog15.jsonl"}),
        "prose17": (sets / "prose17" / "corpus", sets / "prose17" / "dev.jsonl",
                    {"r1": WORK / "readp17" / "prose17.jsonl"}),
        "tables16": (sets / "tables16" / "corpus", sets / "tables16" / "dev.jsonl",
                     {"r1": WORK / "readt16" / "tables16.jsonl"}),
        "catalog16": (sets / "catalog16" / "corpus", sets / "catalog16" / "dev.jsonl",
                      {"r1": WORK / "readc16" / "catalog16.jsonl"}),
        "prose18": (sets / "prose18" / "corpus", sets / "prose18" / "dev.jsonl",
                    {"r1": WORK / "readp18" / "prose18.jsonl"}),
        "tables17": (sets / "tables17" / "corpus", sets / "tables17" / "dev.jsonl",
                     {"r1": WORK / "readt17" / "tables17.jsonl"}),
        "catalog17": (sets / "catalog17" / "corpus", sets / "catalog17" / "dev.jsonl",
                      {"r1": WORK / "readc17" / "catalog17.jsonl"}),
        "prose19": (sets / "prose19" / "corpus", sets / "prose19" / "dev.jsonl",
                    {"r1": WORK / "readp19" / "prose19.jsonl"}),
        "tables18": (sets / "tables18" / "corpus", sets / "tables18" / "dev.jsonl",
                     {"r1": WORK / "readt18" / "tables18.jsonl"}),
        "catalog18": (sets / "catalog18" / "corpus", sets / "catalog18" / "dev.jsonl",
                      {"r1": WORK / "readc18" / "catalog18.jsonl"}),
        "prose20": (sets / "prose20" / "corpus", sets / "prose20" / "dev.jsonl",
                    {"r1": WORK / "readp20" / "prose20.jsonl"}),
        "tables19": (sets / "tables19" / "corpus", sets / "tables19" / "dev.jsonl",
                     {"r1": WORK / "readt19" / "tables19.jsonl"}),
        "catalog19": (sets / "catalog19" / "corpus", sets / "catalog19" / "dev.jsonl",
                      {"r1": WORK / "readc19" / "catalog19.jsonl"}),
        "prose21": (sets / "prose21" / "corpus", sets / "prose21" / "dev.jsonl",
                    {"r1": WORK / "readp21" / "prose21.jsonl"}),
        "tables20": (sets / "tables20" / "corpus", sets / "tables20" / "dev.jsonl",
                     {"r1": WORK / "readt20" / "tables20.jsonl"}),
        "catalog20": (sets / "catalog20" / "corpus", sets / "catalog20" / "dev.jsonl",
                      {"r1": WORK / "readc20" / "catalog20.jsonl"}),
        "prose22": (sets / "prose22" / "corpus", sets / "prose22" / "dev.jsonl",
                    {"r1": WORK / "readp22" / "prose22.jsonl"}),
        "tables21": (sets / "tables21" / "corpus", sets / "tables21" / "dev.jsonl",
                     {"r1": WORK / "readt21" / "tables21.jsonl"}),
        "catalog21": (sets / "catalog21" / "corpus", sets / "catalog21" / "dev.jsonl",
                      {"r1": WORK / "readc21" / "catalog21.jsonl"}),
        "prose23": (sets / "prose23" / "corpus", sets / "prose23" / "dev.jsonl",
                    {"r1": WORK / "readp23" / "prose23.jsonl"}),
        "tables22": (sets / "tables22" / "corpus", sets / "tables22" / "dev.jsonl",
                     {"r1": WORK / "readt22" / "tables22.jsonl"}),
        "catalog22": (sets / "catalog22" / "corpus", sets / "catalog22" / "dev.jsonl",
                      {"r1": WORK / "readc22" / "catalog22.jsonl"}),
        "prose24": (sets / "prose24" / "corpus", sets / "prose24" / "dev.jsonl",
                    {"r1": WORK / "readp24" / "prose24.jsonl"}),
        "tables23": (sets / "tables23" / "corpus", sets / "tables23" / "dev.jsonl",
                     {"r1": WORK / "readt23" / "tables23.jsonl"}),
        "catalog23": (sets / "catalog23" / "corpus", sets / "catalog23" / "dev.jsonl",
                      {"r1": WORK / "readc23" / "catalog23.jsonl"}),
        "prose25": (sets / "prose25" / "corpus", sets / "prose25" / "dev.jsonl",
                    {"r1": WORK / "readp25" / "prose25.jsonl"}),
        "tables24": (sets / "tables24" / "corpus", sets / "tables24" / "dev.jsonl",
                     {"r1": WORK / "readt24" / "tables24.jsonl"}),
        "catalog24": (sets / "catalog24" / "corpus", sets / "catalog24" / "dev.jsonl",
                      {"r1": WORK / "readc24" / "catalog24.jsonl"}),
        "prose26": (sets / "prose26" / "corpus", sets / "prose26" / "dev.jsonl",
                    {"r1": WORK / "readp26" / "prose26.jsonl"}),
        "tables25": (sets / "tables25" / "corpus", sets / "tables25" / "dev.jsonl",
                     {"r1": WORK / "readt25" / "tables25.jsonl"}),
        "catalog25": (sets / "catalog25" / "corpus", sets / "catalog25" / "dev.jsonl",
                      {"r1": WORK / "readc25" / "catalog25.jsonl"}),
        "prose27": (sets / "prose27" / "corpus", sets / "prose27" / "dev.jsonl",
                    {"r1": WORK / "readp27" / "prose27.jsonl"}),
        "tables26": (sets / "tables26" / "corpus", sets / "tables26" / "dev.jsonl",
                     {"r1": WORK / "readt26" / "tables26.jsonl"}),
        "catalog26": (sets / "catalog26" / "corpus", sets / "catalog26" / "dev.jsonl",
                      {"r1": WORK / "readc26" / "catalog26.jsonl"}),
        "prose28": (sets / "prose28" / "corpus", sets / "prose28" / "dev.jsonl",
                    {"r1": WORK / "readp28" / "prose28.jsonl"}),
        "tables27": (sets / "tables27" / "corpus", sets / "tables27" / "dev.jsonl",
                     {"r1": WORK / "readt27" / "tables27.jsonl"}),
        "catalog27": (sets / "catalog27" / "corpus", sets / "catalog27" / "dev.jsonl",
                      {"r1": WORK / "readc27" / "catalog27.jsonl"}),
        "prose29": (sets / "prose29" / "corpus", sets / "prose29" / "dev.jsonl",
                    {"r1": WORK / "readp29" / "prose29.jsonl"}),
        "tables28": (sets / "tables28" / "corpus", sets / "tables28" / "dev.jsonl",
                     {"r1": WORK / "readt28" / "tables28.jsonl"}),
        "catalog28": (sets / "catalog28" / "corpus", sets / "catalog28" / "dev.jsonl",
                      {"r1": WORK / "readc28" / "catalog28.jsonl"}),
        "prose30": (sets / "prose30" / "corpus", sets / "prose30" / "dev.jsonl",
                    {"r1": WORK / "readp30" / "prose30.jsonl"}),
        "tables29": (sets / "tables29" / "corpus", sets / "tables29" / "dev.jsonl",
                     {"r1": WORK / "readt29" / "tables29.jsonl"}),
        "catalog29": (sets / "catalog29" / "corpus", sets / "catalog29" / "dev.jsonl",
                      {"r1": WORK / "readc29" / "catalog29.jsonl"}),
        "prose31": (sets / "prose31" / "corpus", sets / "prose31" / "dev.jsonl",
                    {"r1": WORK / "readp31" / "prose31.jsonl"}),
        "tables30": (sets / "tables30" / "corpus", sets / "tables30" / "dev.jsonl",
                     {"r1": WORK / "readt30" / "tables30.jsonl"}),
        "catalog30": (sets / "catalog30" / "corpus", sets / "catalog30" / "dev.jsonl",
                      {"r1": WORK / "readc30" / "catalog30.jsonl"}),
        "prose32": (sets / "prose32" / "corpus", sets / "prose32" / "dev.jsonl",
                    {"r1": WORK / "readp32" / "prose32.jsonl"}),
        "tables31": (sets / "tables31" / "corpus", sets / "tables31" / "dev.jsonl",
                     {"r1": WORK / "readt31" / "tables31.jsonl"}),
        "catalog31": (sets / "catalog31" / "corpus", sets / "catalog31" / "dev.jsonl",
                      {"r1": WORK / "readc31" / "catalog31.jsonl"}),
        "prose33": (sets / "prose33" / "corpus", sets / "prose33" / "dev.jsonl",
                    {"r1": WORK / "readp33" / "prose33.jsonl"}),
        "tables32": (sets / "tables32" / "corpus", sets / "tables32" / "dev.jsonl",
                     {"r1": WORK / "readt32" / "tables32.jsonl"}),
        "catalog32": (sets / "catalog32" / "corpus", sets / "catalog32" / "dev.jsonl",
                      {"r1": WORK / "readc32" / "catalog32.jsonl"}),
        "prose34": (sets / "prose34" / "corpus", sets / "prose34" / "dev.jsonl",
                    {"r1": WORK / "readp34" / "prose34.jsonl"}),
        "tables33": (sets / "tables33" / "corpus", sets / "tables33" / "dev.jsonl",
                     {"r1": WORK / "readt33" / "tables33.jsonl"}),
        "catalog33": (sets / "catalog33" / "corpus", sets / "catalog33" / "dev.jsonl",
                     {"r1": WORK / "readc33" / "catalog33.jsonl"}),
        "prose35": (sets / "prose35" / "corpus", sets / "prose35" / "dev.jsonl",
                   {"r1": WORK / "readp35" / "prose35.jsonl"}),
        "tables34": (sets / "tables34" / "corpus", sets / "tables34" / "dev.jsonl",
                    {"r1": WORK / "readt34" / "tables34.jsonl"}),
        "catalog34": (sets / "catalog34" / "corpus", sets / "catalog34" / "dev.jsonl",
                     {"r1": WORK / "readc34" / "catalog34.jsonl"}),
        "prose36": (sets / "prose36" / "corpus", sets / "prose36" / "dev.jsonl",
                   {"r1": WORK / "readp36" / "prose36.jsonl"}),
        "tables35": (sets / "tables35" / "corpus", sets / "tables35" / "dev.jsonl",
                    {"r1": WORK / "readt35" / "tables35.jsonl"}),
        "catalog35": (sets / "catalog35" / "corpus", sets / "catalog35" / "dev.jsonl",
                      {"r1": WORK / "readc35" / "catalog35.jsonl"}),
        "prose37": (sets / "prose37" / "corpus", sets / "prose37" / "dev.jsonl",
                    {"r1": WORK / "readp37" / "prose37.jsonl"}),
        "tables36": (sets / "tables36" / "corpus", sets / "tables36" / "dev.jsonl",
                     {"r1": WORK / "readt36" / "tables36.jsonl"}),
        "catalog36": (sets / "catalog36" / "corpus", sets / "catalog36" / "dev.jsonl",
                      {"r1": WORK / "readc36" / "catalog36.jsonl"}),
        "prose38": (sets / "prose38" / "corpus", sets / "prose38" / "dev.jsonl",
                    {"r1": WORK / "readp38" / "prose38.jsonl"}),
        "tables37": (sets / "tables37" / "corpus", sets / "tables37" / "dev.jsonl",
                     {"r1": WORK / "readt37" / "tables37.jsonl"}),
        "catalog37": (sets / "catalog37" / "corpus", sets / "catalog37" / "dev.jsonl",
                      {"r1": WORK / "readc37" / "catalog37.jsonl"}),
        "prose39": (sets / "prose39" / "corpus", sets / "prose39" / "dev.jsonl",
                    {"r1": WORK / "readp39" / "prose39.jsonl"}),
        "tables38": (sets / "tables38" / "corpus", sets / "tables38" / "dev.jsonl",
                     {"r1": WORK / "readt38" / "tables38.jsonl"}),
        "catalog38": (sets / "catalog38" / "corpus", sets / "catalog38" / "dev.jsonl",
                      {"r1": WORK / "readc38" / "catalog38.jsonl"}),
        "prose40": (sets / "prose40" / "corpus", sets / "prose40" / "dev.jsonl",
                    {"r1": WORK / "readp40" / "prose40.jsonl"}),
        "tables39": (sets / "tables39" / "corpus", sets / "tables39" / "dev.jsonl",
                     {"r1": WORK / "readt39" / "tables39.jsonl"}),
        "catalog39": (sets / "catalog39" / "corpus", sets / "catalog39" / "dev.jsonl",
                      {"r1": WORK / "readc39" / "catalog39.jsonl"}),
        "prose41": (sets / "prose41" / "corpus", sets / "prose41" / "dev.jsonl",
                    {"r1": WORK / "readp41" / "prose41.jsonl"}),
        "tables40": (sets / "tables40" / "corpus", sets / "tables40" / "dev.jsonl",
                     {"r1": WORK / "readt40" / "tables40.jsonl"}),
        "catalog40": (sets / "catalog40" / "corpus", sets / "catalog40" / "dev.jsonl",
                      {"r1": WORK / "readc40" / "catalog40.jsonl"}),
        "prose42": (sets / "prose42" / "corpus", sets / "prose42" / "dev.jsonl",
                    {"r1": WORK / "readp42" / "prose42.jsonl"}),
        "tables41": (sets / "tables41" / "corpus", sets / "tables41" / "dev.jsonl",
                     {"r1": WORK / "readt41" / "tables41.jsonl"}),
        "catalog41": (sets / "catalog41" / "corpus", sets / "catalog41" / "dev.jsonl",
                      {"r1": WORK / "readc41" / "catalog41.jsonl"}),
        "prose43": (sets / "prose43" / "corpus", sets / "prose43" / "dev.jsonl",
                    {"r1": WORK / "readp43" / "prose43.jsonl"}),
        "tables42": (sets / "tables42" / "corpus", sets / "tables42" / "dev.jsonl",
                     {"r1": WORK / "readt42" / "tables42.jsonl"}),
        "catalog42": (sets / "catalog42" / "corpus", sets / "catalog42" / "dev.jsonl",
                      {"r1": WORK / "readc42" / "catalog42.jsonl"}),
        "prose44": (sets / "prose44" / "corpus", sets / "prose44" / "dev.jsonl",
                    {"r1": WORK / "readp44" / "prose44.jsonl"}),
        "tables43": (sets / "tables43" / "corpus", sets / "tables43" / "dev.jsonl",
                     {"r1": WORK / "readt43" / "tables43.jsonl"}),
        "catalog43": (sets / "catalog43" / "corpus", sets / "catalog43" / "dev.jsonl",
                      {"r1": WORK / "readc43" / "catalog43.jsonl"}),
        "prose45": (sets / "prose45" / "corpus", sets / "prose45" / "dev.jsonl",
                    {"r1": WORK / "readp45" / "prose45.jsonl"}),
        "tables44": (sets / "tables44" / "corpus", sets / "tables44" / "dev.jsonl",
                     {"r1": WORK / "readt44" / "tables44.jsonl"}),
        "catalog44": (sets / "catalog44" / "corpus", sets / "catalog44" / "dev.jsonl",
                      {"r1": WORK / "readc44" / "catalog44.jsonl"}),
        "prose46": (sets / "prose46" / "corpus", sets / "prose46" / "dev.jsonl",
                    {"r1": WORK / "readp46" / "prose46.jsonl"}),
        "tables45": (sets / "tables45" / "corpus", sets / "tables45" / "dev.jsonl",
                     {"r1": WORK / "readt45" / "tables45.jsonl"}),
        "catalog45": (sets / "catalog45" / "corpus", sets / "catalog45" / "dev.jsonl",
                      {"r1": WORK / "readc45" / "catalog45.jsonl"}),
        "prose47": (sets / "prose47" / "corpus", sets / "prose47" / "dev.jsonl",
                    {"r1": WORK / "readp47" / "prose47.jsonl"}),
        "tables46": (sets / "tables46" / "corpus", sets / "tables46" / "dev.jsonl",
                     {"r1": WORK / "readt46" / "tables46.jsonl"}),
        "catalog46": (sets / "catalog46" / "corpus", sets / "catalog46" / "dev.jsonl",
                      {"r1": WORK / "readc46" / "catalog46.jsonl"}),
        "prose48": (sets / "prose48" / "corpus", sets / "prose48" / "dev.jsonl",
                    {"r1": WORK / "readp48" / "prose48.jsonl"}),
        "tables47": (sets / "tables47" / "corpus", sets / "tables47" / "dev.jsonl",
                     {"r1": WORK / "readt47" / "tables47.jsonl"}),
        "prose49": (sets / "prose49" / "corpus", sets / "prose49" / "dev.jsonl", {}),
        "tables48": (sets / "tables48" / "corpus", sets / "tables48" / "dev.jsonl", {}),
        "tables": (ROOT / "tests" / "data" / "handwritten" / "corpus",
                   sets / "tables" / "dev.jsonl", reads["tables"]),
        "seed": (WORK / "seed-docs", sets / "seed" / "dev.jsonl", {}),
        "world": (WORK / "world" / "docs", WORK / "world" / "qa" / "dev.jsonl",
                  {"train": WORK / "world" / "qa" / "train.jsonl"}),
    }


def setup() -> None:
    """WORK's read copies, built corpora, seed article and world, from the repository."""
    import shutil
    import subprocess

    sets = ROOT / "evalsets"
    for name, (_, _, reads) in corpora().items():
        for split, path in reads.items():
            if name == "world" or path.exists():
                continue
            src = sets / name / ("test.jsonl" if split == "r1" else f"test{split[1:]}.jsonl")
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, path)
    for kind in ("catalog", "prose", "prose2", "prose3"):
        if not (WORK / f"{kind}-docs").exists():
            subprocess.run([sys.executable, str(ROOT / "scripts" / "build_evalsets.py"), kind,
                            "--out", str(WORK / f"{kind}-docs")], check=True)
    seed = WORK / "seed-docs"
    if not seed.exists():
        seed.mkdir(parents=True)
        for f in (ROOT.parent / "shared" / "seed").glob("*"):
            shutil.copyfile(f, seed / f.name)
    if not (WORK / "world").exists():
        from ragtune.world import generate_world
        generate_world("small", 0, WORK / "world")


def main() -> None:
    if sys.argv[1:2] == ["--setup"]:
        return setup()
    from ragtune import api
    from ragtune.eval.metrics import score_item
    from ragtune.eval.qa import load_qa
    from ragtune.index import open_index
    from ragtune.models import project_pool
    from ragtune.project import Project
    from ragtune.strategies import build_strategy

    out = WORK / "evals" / sys.argv[1]
    out.mkdir(parents=True, exist_ok=True)
    table = corpora()
    summary = {}
    for name in sys.argv[2:] or list(table):
        docs, dev_path, reads = table[name]
        (WORK / f"dproj-{name}").mkdir(exist_ok=True)
        project = Project.open(WORK / f"dproj-{name}")
        api.ingest(project, docs, progress=False)
        dev = load_qa(dev_path)
        splits = {"dev": dev, **{k: load_qa(v) for k, v in reads.items()}}
        with open_index(project) as index:
            gen = project_pool(project).generator()
            for spec in ("rag", "agentic"):
                strategy = build_strategy(spec, project, gen, index=index)
                if spec == "agentic":
                    if os.environ.get("EXP_THRESHOLD"):
                        strategy.program.abstain_threshold = float(os.environ["EXP_THRESHOLD"])
                    else:
                        strategy.prepare(project, [], dev)
                for split, items in splits.items():
                    t0 = time.perf_counter()
                    answers = strategy.answer_many([i.question for i in items])
                    scores = [score_item(i, a) for i, a in zip(items, answers)]
                    with open(out / f"{name}-{split}-{spec}.jsonl", "w") as f:
                        for i, a, s in zip(items, answers, scores):
                            f.write(json.dumps({
                                "id": i.id, "type": i.type, "question": i.question,
                                "gold": i.answers, "text": a.text, "abstained": a.abstained,
                                "correct": s.correct,
                                "exit": a.exit_reason, "trace": [x.to_dict() for x in a.trace],
                            }, default=str) + "\n")
                    row = _row(items, answers, scores)
                    row["threshold"] = getattr(strategy, "threshold", None)
                    row["s"] = round(time.perf_counter() - t0, 1)
                    summary[f"{name}-{split}-{spec}"] = row
                    print(name, split, spec, json.dumps(row), flush=True)
    (out / "summary.json").write_text(json.dumps(summary, indent=1))


def _row(items, answers, scores) -> dict:
    una = [a.abstained for i, a in zip(items, answers) if not i.answers]
    ans = [a.abstained for i, a in zip(items, answers) if i.answers]
    by: dict[str, list[int]] = {}
    for i, s in zip(items, scores):
        c = by.setdefault(i.type or "all", [0, 0])
        c[0] += int(s.correct)
        c[1] += 1
    return {"n": len(items), "right": sum(int(s.correct) for s in scores),
            "una": f"{sum(una)}/{len(una)}", "ans": f"{sum(ans)}/{len(ans)}",
            "by_type": {t: f"{a}/{b}" for t, (a, b) in sorted(by.items())}}


if __name__ == "__main__":
    main()
