"""Counts of people: "8.125 tenaga kerja", "dua ahli waris", "empat juta
pekerja", and "jumlah peserta aktif ... mencapai 114.377".

A number (a CARDINAL span of the Doc, digits or words) counts people when a
noun for people follows it (extract/data/facts/workers.yaml); "dua anak",
"19 desa", "1.275 klaim" and vague "ribuan pedagang" do not. In "1 Desa 100
pekerja" the count is the 100 per village. Amounts, percentages, dates and
regulation numbers are not counts. The same value stated twice is one count.

The category is the group as the article names it: the noun phrase after
the number with its list of groups ("guru ngaji, marbot masjid dan pengurus
mushala"), its place after "di" when that is a place ("di Kota Batu", not
"di Balai Kota"), a short relative clause ("yang belum terlindungi") and
the short name in brackets of a long one ("anggota Linmas"). "N orang" takes
the group the sentence gives ("1.480 orang yang terdaftar sebagai peserta
aktif" -> "terdaftar sebagai peserta aktif"; "4.800 nelayan, tetapi yang
terdaftar baru 1.950 orang" -> "nelayan yang terdaftar"; "jumlah peserta
aktif di X tercatat N orang" -> "peserta aktif di X"). A count per unit says
so ("setiap desa mendaftarkan 25 warganya" -> "warga per desa"), and a
firm's workers are named with the firm ("PT X ... mempekerjakan 860
karyawan" -> "karyawan PT X"). What is said of the group right after it
belongs to it ("5.000 pekerja rentan kini resmi terlindungi"), and the counts
of a breakdown by region name their place and take what was said of the
total ("Nganjuk dengan 1.851 pekerja" -> "pekerja terkena PHK di Nganjuk").
A count is of two or more people: "1 orang" is not a count.

Modules: `counts` (which numbers count people, and the article's counts),
`category` (the group named after the number), `naming` (the group named
elsewhere in the sentence), `lexicon` (the words, compiled once).
"""

from extract.facts.workers.category import category_after
from extract.facts.workers.counts import extract_worker_counts

__all__ = ["category_after", "extract_worker_counts"]
