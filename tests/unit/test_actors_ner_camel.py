"""The optional camel-tools NER backend: found only through installed data, never imported otherwise, its
entities merged with the rules' (rules win). The seam is tested with a fake recognizer; the real
`camel_tools.ner.NERecognizer` with a tiny BERT model and catalogue that the test builds in a temp dir."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from briefing.models import Actor, Sentence
from briefing.nlp.actors.extract import extract_actors
from briefing.nlp.actors.ner_camel import merge_ner, model_path, ner_finds
from briefing.nlp.actors.tokens import Found
from briefing.nlp.text.sentences import split_spans

ROOT = Path(__file__).resolve().parents[2]
TEXT = (
    "قال وزير الخارجية اللبناني يوسف رجي إن بيروت ترفض التصعيد. "
    "وحضر الاجتماع جيرار ليكوك وممثلون عن نقابة المحامين."
)
# Labels a recognizer gives word by word (camel-tools' tag set).
LABELS = {
    "يوسف": "B-PERS",  # the rules found him with his title: they win
    "رجي": "I-PERS",
    "جيرار": "B-PERS",  # the rules miss this untitled name: NER adds it
    "ليكوك": "I-PERS",
    "بيروت": "B-LOC",
    "نقابة": "B-ORG",
    "المحامين": "I-ORG",
    "التصعيد": "B-MISC",
}


class FakeRecognizer:
    def __init__(self) -> None:
        self.calls: list[list[list[str]]] = []

    def predict(self, sentences: list[list[str]], batch_size: int = 32) -> list[list[str]]:
        self.calls.append(sentences)
        return [[LABELS.get(w, "O") for w in words] for words in sentences]


def actors(text: str, backend: object = None) -> list[Actor]:
    sentences = [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(split_spans(text))]
    return extract_actors(text, "ar", sentences, backend=backend)  # type: ignore[arg-type]


def write_catalogue(root: Path, dataset_path: str = "ner/tiny") -> Path:
    catalogue = {
        "version": "1.6",
        "packages": {},
        "components": {_component(): {"default": "tiny", "datasets": {"tiny": {"path": dataset_path}}}},
    }
    root.mkdir(parents=True, exist_ok=True)
    (root / "catalogue.json").write_text(json.dumps(catalogue), encoding="utf-8")
    return root / "data" / dataset_path


def _component() -> str:
    return "NamedEntityRecognition"


def test_model_path_needs_env_catalogue_and_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CAMELTOOLS_DATA", raising=False)
    assert model_path() is None
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path / "ct"))
    assert model_path() is None  # no catalogue
    model = write_catalogue(tmp_path / "ct")
    assert model_path() is None  # catalogue, but the model is not installed
    model.mkdir(parents=True)
    (model / "config.json").write_text("{}", encoding="utf-8")
    assert model_path() == model
    (tmp_path / "ct" / "catalogue.json").write_text("not json", encoding="utf-8")
    assert model_path() is None


def test_rules_win_and_ner_adds_what_they_missed() -> None:
    without = {a.name: a for a in actors(TEXT)}
    assert "جيرار ليكوك" not in without  # what this test relies on: the rules alone miss him
    fake = FakeRecognizer()
    found = {a.name: a for a in actors(TEXT, fake)}
    assert fake.calls and all(isinstance(w, str) for s in fake.calls[0] for w in s)
    rajji = found["يوسف رجي"]
    assert rajji.roles == ("وزير الخارجية",) and rajji.affiliation == "لبنان"  # the rules' find, untouched
    assert found["جيرار ليكوك"].kind == "person"
    assert found["بيروت"].kind == "place" and found["بيروت"].key == without["بيروت"].key
    assert [a.kind for a in found.values()].count("org") == [a.kind for a in without.values()].count("org")
    assert "التصعيد" not in found  # MISC is ignored
    assert sum(a.kind == "person" for a in found.values()) == 2


def test_ner_entities_take_gazetteer_kinds_and_offsets() -> None:
    class Tagger:
        def predict(self, sentences: list[list[str]], batch_size: int = 32) -> list[list[str]]:
            tags = {"لبنان": "B-LOC", "مرجعيون": "B-LOC", "الجيش": "B-ORG", "اللبناني": "I-ORG"}
            return [[tags.get(w, "O") for w in s] for s in sentences]

    text = "انتشر الجيش اللبناني في مرجعيون جنوب لبنان."
    sentences = [Sentence(0, 0, len(text), text)]
    finds = {text[f.start : f.end]: f for f in ner_finds(text, sentences, Tagger())}
    assert finds["لبنان"].kind == "country" and finds["لبنان"].eid == "LB"
    assert finds["مرجعيون"].kind == "place" and finds["مرجعيون"].eid is None  # unknown to the gazetteer
    assert finds["الجيش اللبناني"].kind == "org"
    rule = Found("place", text.index("لبنان"), text.index("لبنان") + 5, ("لبنان",), eid="LB")
    merged = merge_ner([rule], list(finds.values()))
    assert merged[0] is rule and len(merged) == 3  # the overlapping NER "لبنان" gave way to the rule


def _run(code: str, env: dict[str, str]) -> str:
    full = {**os.environ, **env, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=full,
        cwd=ROOT,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


_EXTRACT = """
    import json, sys
    from briefing.models import Sentence
    from briefing.nlp.actors.extract import extract_actors
    from briefing.nlp.text.sentences import split_spans
    text = {text!r}
    sentences = [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(split_spans(text))]
    found = extract_actors(text, "ar", sentences)
    heavy = [m for m in ("camel_tools.ner", "camel_tools.data", "torch", "transformers") if m in sys.modules]
    print(json.dumps({{"names": [a.name for a in found], "heavy": heavy}}, ensure_ascii=False))
"""


def test_nothing_heavy_is_imported_without_installed_data(tmp_path: Path) -> None:
    for env in ({"CAMELTOOLS_DATA": ""}, {"CAMELTOOLS_DATA": str(tmp_path / "empty")}):
        out = json.loads(_run(_EXTRACT.format(text=TEXT), {**env, "HOME": str(tmp_path)}))
        assert out["heavy"] == []
        assert "يوسف رجي" in out["names"]
    assert not (tmp_path / ".camel_tools").exists()  # camel_tools.data was never imported


_BUILD = """
    import json, sys, torch
    from pathlib import Path
    from transformers import BertConfig, BertForTokenClassification
    labels = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]
    want = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {labels!r}
    out = Path({model!r})
    out.mkdir(parents=True)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *want]
    (out / "vocab.txt").write_text("\\n".join(vocab) + "\\n", encoding="utf-8")
    (out / "tokenizer_config.json").write_text(json.dumps({{"do_lower_case": False}}), encoding="utf-8")
    # No encoder layers: a word's embedding, layer-normalized, goes straight to the classifier, so each
    # vocabulary word gets the label chosen for it (the unknown token gets "O").
    config = BertConfig(
        vocab_size=len(vocab), hidden_size=2 * len(labels), num_hidden_layers=0, num_attention_heads=1,
        intermediate_size=4, max_position_embeddings=256,
        id2label=dict(enumerate(labels)), label2id={{l: i for i, l in enumerate(labels)}},
    )
    model = BertForTokenClassification(config)
    with torch.no_grad():
        emb = model.bert.embeddings
        for table in (emb.word_embeddings, emb.position_embeddings, emb.token_type_embeddings):
            table.weight.zero_()
        emb.LayerNorm.weight.fill_(1.0)
        emb.LayerNorm.bias.zero_()
        for i, word in enumerate(vocab):
            label = labels.index(want.get(word, "O"))
            emb.word_embeddings.weight[i, 2 * label] = 1.0
            emb.word_embeddings.weight[i, 2 * label + 1] = -1.0
        model.classifier.weight.zero_()
        model.classifier.bias.zero_()
        for label in range(len(labels)):
            model.classifier.weight[label, 2 * label] = 1.0
    model.save_pretrained(out)
"""


@pytest.mark.slow
def test_real_camel_recognizer_with_a_tiny_model_and_catalogue(tmp_path: Path) -> None:
    pytest.importorskip("transformers")
    data = tmp_path / "camel_data"
    model = write_catalogue(data)
    _run(_BUILD.format(labels=LABELS, model=str(model)), {"HOME": str(tmp_path)})
    assert model_path(str(data)) == model
    out = json.loads(_run(_EXTRACT.format(text=TEXT), {"CAMELTOOLS_DATA": str(data), "HOME": str(tmp_path)}))
    assert "camel_tools.ner" in out["heavy"]
    assert "جيرار ليكوك" in out["names"]  # added by the model
    assert "يوسف رجي" in out["names"]
