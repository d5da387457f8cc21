"""Normalisers: turn Indonesian numbers, rupiah amounts, percentages and dates
as written in news text into values.

One module per kind (numbers, money, percent, dates); each offers a
``parse_*`` function for a short string and a ``find_*`` function that
scans running text and returns matches with exact character offsets.
All are pure functions over text; the words they know are in
``extract/data/normalize/lexicon.yaml``.
"""
