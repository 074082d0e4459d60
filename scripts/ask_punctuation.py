"""Issue 18: share of answers ending with sentence punctuation (agentic, the default of `ragtune
ask`, and rag) on a world's single-hop test questions.

    python scripts/ask_punctuation.py WORLD_DIR PROJECT_DIR   # writes PROJECT_DIR/punct.json
"""
import json, os, re, sys
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
from pathlib import Path
from ragtune import api
from ragtune.config import Settings
from ragtune.project import Project
from ragtune.eval.qa import load_qa
W = Path(sys.argv[1]); root = Path(sys.argv[2])
project = Project(root=root, settings=Settings(), origin={})
api.ingest(project, W / "docs")
items = [i for i in load_qa(W / "qa" / "test.jsonl") if i.type == "single_hop"]
out = {}
for spec in ("agentic", "rag"):
    s = api.strategy(project, spec, __import__("ragtune.index", fromlist=["open_index"]).open_index(project))
    answers = s.answer_many([i.question for i in items])
    ends = [bool(re.search(r"[.!?…][\"')\]]*$", a.text.strip())) for a in answers]
    out[spec] = {"n": len(items), "end_with_punctuation": sum(ends), "share": round(sum(ends) / len(items), 3),
                 "examples_without": [a.text for a, e in zip(answers, ends) if not e][:8]}
    print(spec, json.dumps(out[spec]))
json.dump(out, open(root / "punct.json", "w"), indent=1)
