"""ragtune's embedder vs bare sentence-transformers `encode` on the same texts.

Figure: LocalEmbedder.encode (through the torch worker thread, cache off).
Baseline: the same SentenceTransformer object's `encode` called directly.
Target: ratio (baseline time / ours) >= 0.95, median of 5 interleaved runs.
"""

import argparse

from bench.common import interleaved, median, report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--texts", type=int, default=256)
    args = ap.parse_args()

    from ragtune.config import Settings
    from ragtune.models import get_pool

    emb = get_pool(Settings()).embedder()
    texts = [
        f"Document {i}: the Quellmark plant in Orvane makes {i % 7} kinds of sensor housings, "
        f"ships them to {i % 13} regional depots and employs {40 + i} people on two shifts."
        for i in range(args.texts)
    ]

    def ours() -> None:
        emb.encode(texts, batch_size=64)

    def bare() -> None:
        emb.model.encode(texts, batch_size=64, normalize_embeddings=True,
                         convert_to_numpy=True, show_progress_bar=False)

    ours()
    emb.worker.run(bare)
    t_ours, t_bare = interleaved(ours, lambda: emb.worker.run(bare), args.runs)
    report(
        "embedder",
        ours_s=median(t_ours),
        baseline_bare_encode_s=median(t_bare),
        ratio=median(t_bare) / median(t_ours),
        target=">= 0.95",
        texts_per_s=args.texts / median(t_ours),
        runs=args.runs,
        texts=args.texts,
    )


if __name__ == "__main__":
    main()
