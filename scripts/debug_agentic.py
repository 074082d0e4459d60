"""Print agentic's full trace for some questions of a dev corpus (see eval_strategies_dev.py).

    python scripts/debug_agentic.py CORPUS ID [ID...] [--work DIR]
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_strategies_dev import corpus_paths  # noqa: E402


def main() -> None:
    args = sys.argv[1:]
    work = Path("/tmp/agentic-dev")
    if "--work" in args:
        i = args.index("--work")
        work = Path(args[i + 1])
        del args[i:i + 2]
    name, ids = args[0], set(args[1:])
    from ragtune import api
    from ragtune.eval.qa import load_qa
    from ragtune.index import open_index
    from ragtune.project import Project
    from ragtune.models import project_pool
    from ragtune.strategies import build_strategy

    label, docs, qa = corpus_paths(name, work)
    items = [i for i in load_qa(qa) if i.id in ids or i.question in ids]
    project = Project.open(work / label / "project")
    with open_index(project) as index:
        s = build_strategy("agentic", project, project_pool(project).generator(), index=index)
        for item, a in zip(items, s.answer_many([i.question for i in items])):
            print("=" * 100)
            print(item.id, item.question, "gold:", item.answers)
            print("ANSWER:", a.text, "| abstained:", a.abstained, "|", a.exit_reason)
            for st in a.trace:
                print(f"  [{st.kind}] in={json.dumps(st.input, default=str)[:300]}")
                print(f"          out={json.dumps(st.output, default=str)[:600]}")


if __name__ == "__main__":
    main()
