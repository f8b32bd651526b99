import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "adr_index.py"


def _index_text() -> str:
    spec = importlib.util.spec_from_file_location("adr_index", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = module.index_text()
    assert isinstance(text, str)
    return text


def test_adr_index_is_current() -> None:
    committed = (SCRIPT.parent.parent / "docs" / "adr" / "README.md").read_text(encoding="utf-8")
    assert committed == _index_text(), "run: make docs"


def test_adr_index_lists_every_adr_with_its_title() -> None:
    text = _index_text()
    adrs = sorted((SCRIPT.parent.parent / "docs" / "adr").glob("[0-9]*.md"))
    assert len(adrs) >= 13
    for path in adrs:
        assert f"]({path.name})" in text
    assert "| [0002](0002-law-as-code-pure-rules-with-bron.md) | The routing advice is pure" in text
