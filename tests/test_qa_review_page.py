"""The review view of `ragtune serve` (/qa) in headless Chromium: accept one drafted item, edit
one, drop one; the QA file reflects it. Plus the review API's refusals (keyed callers, paths
outside the project). No model is loaded: the page and its API only read and write the file."""

from __future__ import annotations

import json

import httpx
import pytest

from ragtune.drafting.review import ReviewFile
from ragtune.project import Project
from ragtune.serve import KeyStore, create_app
from ragtune.serve.openai_compat import serve_in_thread
from test_serve_page import Chromium

ITEMS = [
    {"id": "qa-0001", "question": "When was the Hubble Space Telescope launched?", "answers": ["1990"],
     "type": "single_hop", "evidence": ["history/hubble"], "status": "draft",
     "source": "The Hubble Space Telescope was launched in 1990."},
    {"id": "qa-0002", "question": "What does Tom Christie live in?", "answers": ["Brighton"],
     "type": "single_hop", "evidence": ["people/tom-christie"], "status": "draft",
     "source": "Tom Christie lives in Brighton."},
    {"id": "qa-0003", "question": "What did the telescope orbit above?", "answers": ["Earth"],
     "type": "single_hop", "evidence": ["history/hubble"], "status": "draft",
     "source": "The telescope orbits about 540 kilometres above the Earth."},
    {"id": "qa-0004", "question": "What is the license of aiohttp?", "answers": [], "type": "unanswerable",
     "evidence": [], "status": "draft", "source": "starlette: license: BSD-3-Clause"},
]  # fmt: skip


@pytest.fixture()
def review_server(settings, tmp_path):
    project = Project(root=tmp_path, settings=settings, origin={})
    (tmp_path / "drafts").mkdir()
    path = tmp_path / "drafts" / "qa.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in ITEMS))
    (tmp_path / "notes.jsonl").write_text('{"id": "x", "question": "Q?", "answers": ["a"]}\n')
    key, _ = KeyStore.of(project).add("team", ["default"])
    with serve_in_thread(create_app(project, open_access=True)) as url:
        yield url[:-3], path, key


def test_review_page_accept_edit_drop(review_server, chromium):  # noqa: F811
    base, path, _ = review_server
    browser = Chromium(chromium)
    try:
        browser.open(f"{base}/qa?file=drafts/qa.jsonl")
        browser.wait_for("document.body.dataset.state === 'ready' && "
                         "document.querySelectorAll('.item').length === 4", "the four items", 60)  # fmt: skip
        assert browser.js("document.getElementById('file').value") == "drafts/qa.jsonl"
        assert browser.js("[...document.querySelectorAll('#file option')].map(o => o.value)") == ["drafts/qa.jsonl"]

        browser.click(".item[data-id='qa-0001'] button.accept")
        browser.wait_for("document.querySelector(\".item[data-id='qa-0001']\").dataset.status === 'accepted'",
                         "the accepted item", 30)  # fmt: skip

        browser.click(".item[data-id='qa-0002'] button.edit")
        browser.js("(() => { const d = document.querySelector(\".item[data-id='qa-0002']\");"
                   "d.querySelector('.eq').value = 'Which city does Tom Christie live in?';"
                   "d.querySelector('.ea').value = 'Brighton | Brighton, England'; })()")
        browser.click(".item[data-id='qa-0002'] button.save")
        browser.wait_for("document.querySelector(\".item[data-id='qa-0002']\").dataset.status === 'edited'",
                         "the edited item", 30)  # fmt: skip

        browser.click(".item[data-id='qa-0003'] button.drop")
        browser.wait_for("document.querySelector(\".item[data-id='qa-0003']\").dataset.status === 'dropped'",
                         "the dropped item", 30)  # fmt: skip
        counts = browser.js("document.getElementById('counts').textContent")
        assert counts == "1 draft, 1 accepted, 1 edited, 1 dropped"
    finally:
        browser.close()
    f = ReviewFile.load(path)
    assert [f.status(o) for o in f.items] == ["accepted", "edited", "dropped", "draft"]
    edited = f.get("qa-0002")
    assert edited["question"] == "Which city does Tom Christie live in?"
    assert edited["answers"] == ["Brighton", "Brighton, England"]
    assert edited["drafted"]["question"] == "What does Tom Christie live in?"


def test_review_api_refuses_keys_and_paths_outside_the_project(review_server):
    base, path, key = review_server
    r = httpx.get(f"{base}/v1/qa/items", params={"file": "drafts/qa.jsonl"},
                  headers={"Authorization": f"Bearer {key}"})  # fmt: skip
    assert r.status_code == 403 and r.json()["error"]["code"] == "review_needs_open_access"
    for bad in ("../outside.jsonl", "/etc/passwd", "drafts/missing.jsonl", "ragtune.toml"):
        r = httpx.get(f"{base}/v1/qa/items", params={"file": bad})
        assert r.status_code == 404, bad
    r = httpx.post(f"{base}/v1/qa/items/nope", params={"file": "drafts/qa.jsonl"}, json={"action": "accept"})
    assert r.status_code == 404
    r = httpx.post(f"{base}/v1/qa/items/qa-0001", params={"file": "drafts/qa.jsonl"}, json={"action": "burn"})
    assert r.status_code == 400
    r = httpx.post(f"{base}/v1/qa/items/qa-0001", params={"file": "drafts/qa.jsonl"},
                   json={"action": "edit", "answers": []})  # no answers: unanswerable
    assert r.status_code == 200 and r.json()["item"]["type"] == "unanswerable"
    assert httpx.get(f"{base}/v1/qa/files").json() == {"files": ["drafts/qa.jsonl"]}  # notes.jsonl has no statuses
