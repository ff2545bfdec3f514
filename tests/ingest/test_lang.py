"""The stopword-based language detector."""

from __future__ import annotations

import pytest

from newsfuse.ingest import lang
from newsfuse.ingest.lang import detect_language, stopwords, tokens


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The president said on Wednesday that the government would not change its plans for the economy.", "en"),
        ("Le président a déclaré mercredi que le gouvernement ne changerait pas ses plans pour l'économie.", "fr"),
        ("Der Präsident sagte am Mittwoch, dass die Regierung ihre Pläne für die Wirtschaft nicht ändern werde.", "de"),
        ("El presidente dijo el miércoles que el gobierno no cambiará sus planes para la economía del país.", "es"),
        ("Президент заявил в среду, что правительство не будет менять свои планы в отношении экономики.", "ru"),
        ("Президент заявив у середу, що уряд не змінить своїх планів щодо економіки країни.", "uk"),
        ("Cumhurbaşkanı çarşamba günü yaptığı açıklamada hükümetin planlarını değiştirmeyeceğini söyledi ve bu konuda kararlı olduklarını belirtti.", "tr"),
        ("قال الرئيس يوم الأربعاء إن الحكومة لن تغير خططها بشأن الاقتصاد في هذا العام", "ar"),
        ("习近平周三在北京会见了来访的叙利亚总统。", "zh"),
        ("東京で水曜日に首脳会談が行われた。", "ja"),
    ],
)
def test_detects_languages(text, code):
    assert detect_language(text) == code


def test_too_little_text_is_unknown():
    assert detect_language("Putin Sharaa Moscow Kremlin Tartus") is None
    assert detect_language("") is None
    assert detect_language("12 345 678") is None


def test_stopwords_and_tokens():
    assert "the" in stopwords("en")
    assert stopwords("xx") == frozenset()
    assert tokens("Russia’s bases, al-Sharaa's visit") == ["russia's", "bases", "al", "sharaa's", "visit"]


def test_released_stoplists_are_read_again_when_asked_for():
    text = "The minister said on Monday that the new bridge would open before the end of the year."
    before = detect_language(text)
    english = stopwords("en")
    lang.release()
    assert stopwords.cache_info().currsize == 0
    assert stopwords("en") == english and "the" in english
    assert detect_language(text) == before
