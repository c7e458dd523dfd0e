"""The diacritics `normalize` removes are camel-tools' own set, copied so that no analysis imports it."""

from __future__ import annotations

from camel_tools.utils.charsets import AR_DIAC_CHARSET

from briefing.nlp.text.arabic import AR_DIACRITICS, normalize


def test_copied_diacritics_are_camel_tools_set() -> None:
    assert AR_DIACRITICS == AR_DIAC_CHARSET


def test_diacritics_and_tatweel_are_removed() -> None:
    assert normalize("يَزُورُ الرَّئِيسُ القــاهرةَ غَدًا") == "يزور الرئيس القاهره غدا"
