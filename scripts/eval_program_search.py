"""Prompt-program search on a world, then rag vs the winner on its test split.

Usage: python scripts/eval_program_search.py PROJECT WORLD OUT.json  (PROJECT has WORLD/docs ingested)
"""
import json, sys, time
from ragtune.project import Project
from ragtune import api
from ragtune.models import project_pool
from ragtune.index import open_index
from ragtune.eval.qa import load_qa
from ragtune.eval.metrics import score_item, aggregate
from ragtune.eval.stats import paired_test
from ragtune.strategies import build_strategy
proj = Project.open(sys.argv[1])
t = time.time()
prog = api.optimize_program(proj, f"{sys.argv[2]}/qa/train.jsonl", f"{sys.argv[2]}/qa/dev.jsonl", candidates=4, seed=0)
search_s = time.time() - t
print("winner", prog.id, prog.candidates, flush=True)
test = load_qa(f"{sys.argv[2]}/qa/test.jsonl")
out = {"program": prog.to_dict(), "search_seconds": round(search_s, 1), "test": {}}
correct = {}
with open_index(proj) as idx:
    for spec in ("rag", f"rag@program={prog.id}"):
        s = build_strategy(spec, proj, project_pool(proj).generator(), index=idx)
        answers = s.answer_many([q.question for q in test])
        scores = [score_item(q, a) for q, a in zip(test, answers)]
        agg = aggregate(scores, n_boot=1000)
        correct[spec] = [bool(x.correct) for x in scores]
        out["test"][spec] = {"overall": agg["overall"], "by_type": {k: v["accuracy"] for k, v in agg["by_type"].items()}}
        print(spec, agg["overall"]["accuracy"], flush=True)
a, b = correct.values()
out["paired"] = paired_test(a, b)
json.dump(out, open(sys.argv[3], "w"), indent=2, default=str)
print("done", flush=True)
