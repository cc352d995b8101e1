import pytest

from newsweave.datelines import find_dateline, story_start


@pytest.mark.parametrize(
    "line, place, city, agency, when, story",
    [
        ("ORVESK (Tidewire) - The ferry left late.", "ORVESK", "ORVESK", "Tidewire", None, "The"),
        ("(Tidewire) – The ferry left late.", None, None, "Tidewire", None, "The"),
        (
            "PORT SALLE, Ont., Feb. 9 (Harbour News) — Pilots voted.",
            "PORT SALLE, Ont.",
            "PORT SALLE",
            "Harbour News",
            "Feb. 9",
            "Pilots",
        ),
        (
            "VELDA, 4 June 2024 (Tidewire) – Talks ended.",
            "VELDA",
            "VELDA",
            "Tidewire",
            "4 June 2024",
            "Talks",
        ),
        ("ST. ANSELM -- A fire broke out.", "ST. ANSELM", "ST. ANSELM", None, None, "A"),
        (
            "KORVA-NAL, Drenland (AP) _ Rain fell.",
            "KORVA-NAL, Drenland",
            "KORVA-NAL",
            "AP",
            None,
            "Rain",
        ),
        # a wire's dateline on a line of its own, as tokenised copy prints it
        ("OSTMARK , Lenvia 2001-03-04", "OSTMARK , Lenvia", "OSTMARK", None, "2001-03-04", ""),
        ("OSTMARK ( Tidewire ) - Rain fell .", "OSTMARK", "OSTMARK", "Tidewire", None, "Rain"),
        # a region of more than two words, "and", "of" and "the" between its words
        (
            "DUBAI, United Arab Emirates (Reuters) - Oil rose on Monday.",
            "DUBAI, United Arab Emirates",
            "DUBAI",
            "Reuters",
            None,
            "Oil",
        ),
        (
            "PORT MORESBY, Papua New Guinea (AP) — A quake struck.",
            "PORT MORESBY, Papua New Guinea",
            "PORT MORESBY",
            "AP",
            None,
            "A",
        ),
        (
            "SARAJEVO, Bosnia and Herzegovina (AP) - Voters went to the polls.",
            "SARAJEVO, Bosnia and Herzegovina",
            "SARAJEVO",
            "AP",
            None,
            "Voters",
        ),
        (
            "KINSHASA, Democratic Republic of the Congo (Reuters) - Talks resumed.",
            "KINSHASA, Democratic Republic of the Congo",
            "KINSHASA",
            "Reuters",
            None,
            "Talks",
        ),
        (
            "AL-AIN , United Arab Emirates 1996-12-06",
            "AL-AIN , United Arab Emirates",
            "AL-AIN",
            None,
            "1996-12-06",
            "",
        ),
        # with an agency named, capitals after the dash are still the story
        ("FRANKFURT (Reuters) - ECB...", "FRANKFURT", "FRANKFURT", "Reuters", None, "ECB..."),
        (
            "WASHINGTON (AP) _ THE PRESIDENT SAID TODAY HE WOULD VETO THE BILL.",
            "WASHINGTON",
            "WASHINGTON",
            "AP",
            None,
            "THE",
        ),
    ],
)
def test_find_dateline_reads_place_agency_and_date(line, place, city, agency, when, story):
    found = find_dateline(line)
    assert found is not None
    assert (found.place, found.agency, found.when) == (place, agency, when)
    assert (line[slice(*found.city)] if found.city else None) == city
    assert line[found.end :].split(" ")[0] == story


@pytest.mark.parametrize(
    "line",
    [
        "RIVERS BURST BANKS - TOWNS FLOODED",  # a headline in capitals
        "The mayor - who had left - came back.",  # a dash in a sentence
        "ORVESK council met on Monday.",  # capitals, but no dash and no date
        "ORVESK 2001-03-04 was a wet day.",  # a date, but more words after it
        "- The ferry left late.",  # a dash with neither place nor agency
        "SOCCER - JAPAN GET LUCKY WIN",  # no agency: the capitals after the dash are a headline
        # a region of at most REGION_WORDS words
        "ORVESK, One Two Three Four Five (Tidewire) - Rain fell.",
    ],
)
def test_find_dateline_none(line):
    assert find_dateline(line) is None


def test_find_dateline_reads_one_line_of_a_text():
    text = "Ferry late again\nORVESK (Tidewire) - The ferry left late.\nMore text."
    start = text.index("ORVESK")
    end = text.index("\n", start)
    found = find_dateline(text, start, end)
    assert found is not None and found.agency == "Tidewire"
    assert text[slice(*found.city)] == "ORVESK"
    assert find_dateline(text) is None  # the headline opens the text
    assert text[story_start(text, start, end) :].startswith("The ferry")
    assert story_start(text, end + 1, len(text)) == end + 1
