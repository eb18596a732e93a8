"""The text signature is datasketch's MinHash, value for value, without importing datasketch."""

from __future__ import annotations

from datasketch import MinHash  # type: ignore[import-untyped]
from hypothesis import given
from hypothesis import strategies as st

from newsstream.incidents.signature import NUM_PERM, _sketch, similarity, text_signature


@given(st.lists(st.binary(max_size=40), min_size=1, max_size=300))
def test_sketch_equals_datasketch(items: list[bytes]) -> None:
    reference = MinHash(num_perm=NUM_PERM, seed=1)
    reference.update_batch(items)
    assert _sketch(items) == [int(v) for v in reference.hashvalues]


def test_retold_text_is_similar_and_other_text_is_not() -> None:
    story = (
        "Gunmen killed three people and wounded five at a market in the north of the city "
        "on Monday, police said, adding that the attackers fled on motorcycles."
    )
    retold = "Police said gunmen killed three people and wounded five at a market in the north."
    other = "The council approved a new budget for schools and roads after a long debate."
    a, b, c = (text_signature(None, text) for text in (story, retold, other))
    assert len(a) == NUM_PERM
    assert similarity(a, b) > 0.2
    assert similarity(a, c) < 0.1
    assert text_signature("", "  ") == []
