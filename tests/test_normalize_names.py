import pytest

from extract.normalize.names import name_key, strip_titles


@pytest.mark.parametrize(
    "written, bare, titles",
    [
        ("Drs. Mikhael Hankam Indoro, M.Si", "Mikhael Hankam Indoro", ["Drs.", "M.Si"]),
        ("H.M. Irsyad Yusuf SE MMA", "M. Irsyad Yusuf", ["H.", "SE", "MMA"]),
        ("KH Abdul Mujib Imron", "Abdul Mujib Imron", ["KH"]),
        ("Drs. Abu Hassan SH MM", "Abu Hassan", ["Drs.", "SH", "MM"]),
        ("Letkol Inf Budi Santoso", "Budi Santoso", ["Letkol", "Inf"]),
        ("AKBP Hendra Wijaya, S.I.K.", "Hendra Wijaya", ["AKBP", "S.I.K."]),
        ("M. Imam Saputra", "M. Imam Saputra", []),
        ("Rini Syarifah", "Rini Syarifah", []),
    ],
)
def test_titles_are_stripped_and_kept_apart(written, bare, titles):
    assert strip_titles(written) == (bare, titles)


def test_name_key_ignores_case_titles_and_spacing():
    assert name_key("Gus  Mujib") == name_key("MUJIB") == "mujib"
    assert name_key("Hj. Rini Syarifah, S.E.") == "rini syarifah"


@pytest.mark.parametrize(
    "written, bare",
    [
        ("HM Sanusi Wijaya", "M Sanusi Wijaya"),  # Haji glued to the initial M
        ("R Djoko Prasetyo", "Djoko Prasetyo"),  # Raden before a full name
        ("R.A. Siti Lestari", "Siti Lestari"),
        ("Budi R. Santoso", "Budi R. Santoso"),  # an initial inside a name stays
        ("R Djoko", "R Djoko"),  # too short to tell the title from an initial
        ("drg. Wulan Sari", "Wulan Sari"),
    ],
)
def test_titles_that_look_like_initials(written, bare):
    assert strip_titles(written)[0] == bare
