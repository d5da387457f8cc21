"""Percentages stated in the article, each with what it is about.

Values come from extract.normalize.percent ("17,60%" = 17.6, "di bawah 20
persen" = 20). What a percentage is about, in order:

* the share named right after it: "baru sekitar 12 persen nelayan di
  Kabupaten Sumenep yang terlindungi ...", "40 persen DBHCHT untuk ...";
* the subject of its clause, trimmed of the verbs and qualifiers that lead to
  the number ("cakupan kepesertaan (UCJ) Kabupaten Malang saat ini baru 34,7
  persen" -> "cakupan kepesertaan (UCJ) Kabupaten Malang"), with the whole it
  is a share of ("... 58,2 persen dari total angkatan kerja"). A change is
  named as one ("kasus kecelakaan kerja naik 12 persen dibanding 2023" ->
  "kenaikan kasus kecelakaan kerja dibanding 2023"); a target or gap whose
  subject is implied takes the measure's noun ("menargetkan angka itu naik
  menjadi 70 persen pada akhir tahun" -> "target cakupan akhir tahun",
  "masih ada gap sekitar 7,3 persen" -> "gap cakupan"); a figure pointed back
  to ("angka itu", "cakupannya") is the previous percentage's subject;
* otherwise the words after it ("3,7 persen ditanggung pemberi kerja").

`measure` is "gap", "target" or "coverage" by the words of the clause. The
same value stated twice is one percentage. The words are data:
extract/data/facts/percentages.yaml.

Modules: `stated` (the article's percentages, each value once), `subjects`
(what a percentage is about, from where it stands), `phrases` (the phrases
around it: subject, share, whole, time, change, measure), `lexicon` (the
words, compiled once).
"""

from extract.facts.percentages.phrases import about_before
from extract.facts.percentages.stated import extract_percentages

__all__ = ["about_before", "extract_percentages"]
