"""The project's Indonesian NLP: tokenizer, sentences, NER and domain rules.

    from extract.nlp.pipeline import annotate, load_pipeline
    doc = annotate(article.text, reference_date=article.published)

What a Doc carries (see extract.nlp.pipeline for the components):

- `doc.sents`: sentences. Abbreviations ("Kab.", "Drs.", "S.H.", "Rp.") never
  end one; every newline does. A trailing newline token belongs to the
  sentence before it.
- `doc.ents`: named entities from the NER model, labels PER, ORG, LOC.
- `doc.spans["rules"]`: rule spans, in text order, possibly overlapping
  across labels (an ORG inside a POSITION). Labels:

  | label    | what                                          | `span.id_`                  | `span.kb_id_`          |
  |----------|-----------------------------------------------|-----------------------------|------------------------|
  | MONEY    | a rupiah amount ("Rp 42 juta")                 | "approximate" or ""         | rupiah, "42000000"     |
  | PERCENT  | a percentage ("17,60%", "20 persen")          | ""                          | "17.6"                 |
  | DATE     | a date expression ("Selasa (30/1/2024)")      | "relative" or ""            | ISO, "2024-01-30", "2024-01", "2024" |
  | CARDINAL | a number not inside the above ("8.125", "dua") | "approximate" or ""        | "8125"                 |
  | LAW      | a regulation with its issuer, number, year    | kind: UU PP Perpres Inpres Keppres Perppu Permenaker Kepmenaker Permen Kepmen Perda Pergub Perbup Perwali Kepgub Kepbup Kepwali SE ... | number and year, "40|2004", "|2021" or "" |
  | PROGRAM  | a BPJS programme                              | JKK JKM JHT JP JKP beasiswa | ""                     |
  | POSITION | an office as written ("Kepala Dinas Sosial Kabupaten Blitar", "Bupati Trenggalek") | the office's head word ("Kepala", "Bupati", "Kepala Kantor Cabang") | "" |
  | ORG      | an organisation with its branch or place ("BPJamsostek Cabang Blitar") | kind: "BPJS Ketenagakerjaan", "BPJS Kesehatan", Pemkab, Pemkot, Pemprov, Pemda, Dinas, Badan, DPRD, Company, Bank, ... | "" |
  | REGION   | a kabupaten/kota mention ("Pemkab Blitar", "Trenggalek") | "explicit", "name" or "context" (see extract.nlp.regions) | Kemendagri code, "35.05" |

  `extract.nlp.ruler.read_law_kb_id(span.kb_id_)` gives a LAW span's number
  and year; `extract.nlp.regions.region_by_code(span.kb_id_)` a REGION's Region.
- `doc._.date_parts`: every date expression of the text as parsed, before a
  reference date resolves it (`extract.normalize.dates.parse_dates`); DATE
  spans that need a reference are there only when `doc._.reference_date` was
  set, the parse always (`resolve_dates(parts, reference)` gives the matches).
"""
