"""Word differences between two versions of a passage, short and long (letters.web.diff)."""

from letters.web.diff import WORD_PAIRS, word_diff

SENTENCE = "De minister van Justitie en Veiligheid informeert de Kamer over de voortgang van de meldkamers. "


def old_and_new(ops):
    old = "".join(text for op, text in ops if op != "insert")
    new = "".join(text for op, text in ops if op != "delete")
    return old, new


def test_a_short_passage_is_compared_word_by_word():
    ops = word_diff("De Kamer wordt voor de zomer geïnformeerd.", "De Kamer wordt voor het kerstreces geïnformeerd.")

    assert ops == (
        ("equal", "De Kamer wordt voor "),
        ("delete", "de zomer "),
        ("insert", "het kerstreces "),
        ("equal", "geïnformeerd."),
    )


def test_one_changed_word_in_a_long_paragraph_is_found_sentence_by_sentence():
    sentences = [SENTENCE.replace("voortgang", f"voortgang {n}") for n in range(600)]
    old = "".join(sentences)
    new = "".join(sentences[:300] + [sentences[300].replace("meldkamers", "meldkamerdomein")] + sentences[301:])
    assert len(old.split()) ** 2 > WORD_PAIRS  # too long to compare word by word in one go

    ops = word_diff(old, new)

    assert [(op, text) for op, text in ops if op != "equal"] == [
        ("delete", "meldkamers. "),
        ("insert", "meldkamerdomein. "),
    ]
    assert old_and_new(ops) == (old, new)


def test_a_changed_paragraph_among_many_leaves_the_others_equal():
    paragraphs = [f"Alinea {n}: " + SENTENCE * 3 + "\n" for n in range(400)]
    new = paragraphs[:]
    new[10] = "Alinea 10: een geheel nieuwe alinea over NL-Alert.\n"

    ops = word_diff("".join(paragraphs), "".join(new))

    assert old_and_new(ops) == ("".join(paragraphs), "".join(new))
    deleted = [text for op, text in ops if op == "delete"]
    inserted = [text for op, text in ops if op == "insert"]
    assert "".join(inserted) == "een geheel nieuwe alinea NL-Alert.\n"  # "over" is in both versions
    assert all(text in paragraphs[10] for text in deleted)
