"""Payouts: amounts handed over, to whom, under which programme (texts written for these tests)."""

from __future__ import annotations

from extract.facts.payouts import extract_payouts
from extract.facts.provenance import EXTRACTOR_VERSION
from facts_helpers import context_for


def payouts_of(text: str) -> list[tuple[int, str | None, set[str]]]:
    ctx = context_for(text)
    return [(p.amount_idr, p.beneficiary, set(p.programs)) for p in extract_payouts(ctx)]


def test_each_of_a_counted_group_of_heirs_is_one_payout_without_a_name():
    text = (
        "KEDIRI - BPJS Ketenagakerjaan menyerahkan santunan Jaminan Kematian (JKM) kepada tiga "
        "ahli waris peserta pekerja rentan, masing-masing Rp 42 juta, Kamis (16/5/2024)."
    )
    assert payouts_of(text) == [(42_000_000, None, {"JKM"})] * 3


def test_each_named_deceased_gets_a_payout_under_their_own_name():
    text = (
        "Dalam acara itu, santunan JKM diserahkan kepada ahli waris almarhum Budi Santoso, "
        "petani asal Kecamatan Ngadiluwih, dan almarhumah Siti Aminah, pedagang pasar, "
        "masing-masing sebesar Rp42 juta."
    )
    assert payouts_of(text) == [
        (42_000_000, "Budi Santoso", {"JKM"}),
        (42_000_000, "Siti Aminah", {"JKM"}),
    ]


def test_names_listed_in_the_sentence_before_a_masing_masing_amount():
    text = (
        "Pemkot menyerahkan santunan Jaminan Kematian kepada keluarga tiga kader yang meninggal dunia. "
        "Mereka adalah almarhum Joko Susilo, almarhum Hari Mulyono dan almarhumah Endang Lestari. "
        "Masing-masing keluarga menerima Rp 42 juta."
    )
    assert [who for _, who, _ in payouts_of(text)] == ["Joko Susilo", "Hari Mulyono", "Endang Lestari"]


def test_work_accident_components_and_their_total_are_jkk_for_the_deceased():
    text = (
        "Ahli waris almarhum Andi Wijaya (40), buruh bangunan di Kota Kediri, menerima manfaat "
        "dari BPJS Ketenagakerjaan. Andi meninggal setelah jatuh dari atap saat bekerja sehingga "
        "kasusnya masuk kecelakaan kerja.\n"
        "Rinciannya, santunan kematian Rp150.000.000, biaya pemakaman Rp10.000.000 dan santunan "
        "berkala Rp12.000.000. Anak almarhum juga menerima beasiswa Rp1.500.000 per tahun. "
        "Totalnya Rp173.500.000."
    )
    assert payouts_of(text) == [
        (150_000_000, "Andi Wijaya", {"JKK"}),
        (10_000_000, "Andi Wijaya", {"JKK"}),
        (12_000_000, "Andi Wijaya", {"JKK"}),
        (1_500_000, "Andi Wijaya", {"beasiswa"}),
        (173_500_000, "Andi Wijaya", {"JKK", "beasiswa"}),
    ]


def test_contributions_budgets_wages_and_limits_are_not_payouts():
    text = (
        "Pemkab Ngawi menganggarkan Rp 3,2 miliar untuk membayar iuran 15.000 pekerja rentan. "
        "Iurannya sebesar Rp16.800 per orang per bulan. Upah yang dilaporkan Rp 2.400.000 per bulan. "
        "Beasiswa diberikan untuk dua anak dengan nilai keseluruhan hingga Rp 174 juta. "
        "Jika peserta meninggal, ahli waris menerima santunan Rp 42 juta."
    )
    assert payouts_of(text) == []


def test_one_amount_stated_roughly_then_exactly_is_one_payout():
    text = (
        "Keluarga almarhum Rudi Hartanto menerima manfaat BPJS Ketenagakerjaan senilai Rp 150 juta lebih. "
        '"Total yang kami serahkan hari ini Rp152.400.000," kata kepala cabang.'
    )
    assert payouts_of(text) == [(152_400_000, "Rudi Hartanto", set())]


def test_a_branch_claim_total_has_no_beneficiary_and_no_borrowed_programme():
    text = (
        "Santunan JKM Rp 42 juta hari itu diserahkan kepada ahli waris almarhum Sujarwo. "
        "Sepanjang 2024, BPJS Ketenagakerjaan Cabang Kediri membayar klaim sebesar Rp120,5 miliar "
        "kepada peserta di wilayah kerjanya."
    )
    assert payouts_of(text) == [(42_000_000, "Sujarwo", {"JKM"}), (120_500_000_000, None, set())]


def test_claim_totals_per_programme_add_up_to_the_stated_total():
    text = (
        "Tahun lalu kantor cabang itu membayar klaim Rp 20 miliar. "
        "Klaim Jaminan Hari Tua (JHT) Rp 15 miliar dari 3.000 kasus, disusul Jaminan Kematian (JKM) "
        "Rp 3 miliar untuk 70 kasus dan Jaminan Kecelakaan Kerja (JKK) Rp 2 miliar."
    )
    assert payouts_of(text) == [
        (20_000_000_000, None, {"JHT", "JKM", "JKK"}),
        (15_000_000_000, None, {"JHT"}),
        (3_000_000_000, None, {"JKM"}),
        (2_000_000_000, None, {"JKK"}),
    ]


def test_old_age_savings_paid_respectively_to_named_living_workers():
    text = (
        "Dua peserta yang memasuki usia pensiun, Hartono dan Wulandari, menerima pencairan Jaminan "
        "Hari Tua (JHT) masing-masing Rp 45.000.000 dan Rp 60.500.000."
    )
    assert payouts_of(text) == [(45_000_000, "Hartono", {"JHT"}), (60_500_000, "Wulandari", {"JHT"})]


def test_the_heir_receiving_a_death_benefit_is_not_its_beneficiary():
    text = (
        "Murni (45) masih ingat malam ketika suaminya, Darsono, tidak pulang dari laut. "
        "Darsono meninggal karena kecelakaan kerja saat melaut.\n"
        "Murni menerima santunan kematian Rp48 juta dan biaya pemakaman Rp10 juta."
    )
    assert payouts_of(text) == [(48_000_000, "Darsono", {"JKK"}), (10_000_000, "Darsono", {"JKK"})]


def test_injury_care_costs_go_to_the_injured_worker():
    text = (
        "Sementara Wahyudi, tukang las di Kecamatan Pare yang tangannya terluka saat bekerja, "
        "menerima manfaat JKK berupa penggantian biaya perawatan Rp 12.750.000."
    )
    assert payouts_of(text) == [(12_750_000, "Wahyudi", {"JKK"})]


def test_amounts_in_page_furniture_are_not_payouts():
    text = (
        "JATIMTIMES - BPJS Ketenagakerjaan menyerahkan santunan JKM Rp 42 juta kepada ahli waris "
        "almarhum Slamet, Senin (20/5/2024).\n"
        "Baca Juga : Petani Terima Santunan Rp 50 Juta dari Pemkab\n"
        "Penyerahan berlangsung di pendopo kabupaten."
    )
    assert payouts_of(text) == [(42_000_000, "Slamet", {"JKM"})]


def test_every_payout_points_at_its_amount_in_the_text():
    text = "Ahli waris almarhum Sutikno menerima santunan Jaminan Kematian sebesar Rp 42.000.000 pada Senin."
    ctx = context_for(text)
    (payout,) = extract_payouts(ctx)
    evidence = payout.provenance
    assert text[evidence.start : evidence.end] == "Rp 42.000.000"
    assert evidence.sentence in text and "Rp 42.000.000" in evidence.sentence
    assert evidence.rule.startswith("payout.")
    assert evidence.extractor_version == EXTRACTOR_VERSION


def test_masing_masing_after_the_amount_also_gives_one_payout_per_named_deceased():
    text = (
        "Santunan Jaminan Kematian (JKM) sebesar Rp 42 juta diberikan kepada masing-masing ahli waris "
        "almarhum Suyanto dan almarhumah Wartini."
    )
    assert payouts_of(text) == [(42_000_000, "Suyanto", {"JKM"}), (42_000_000, "Wartini", {"JKM"})]


def test_a_rough_total_takes_the_programmes_of_the_parts_that_make_it_up():
    text = (
        "Ahli waris almarhum Teguh Prasetyo menerima manfaat Jaminan Kecelakaan Kerja (JKK) senilai Rp 215 juta "
        "lebih. Rinciannya, santunan kematian Rp 190.080.000, biaya pemakaman Rp 10.000.000 dan santunan "
        "berkala Rp 12.000.000, ditambah beasiswa untuk satu anak Rp 3.000.000."
    )
    found = payouts_of(text)
    assert found[0] == (215_000_000, "Teguh Prasetyo", {"JKK", "beasiswa"})
    assert [value for value, _, _ in found[1:]] == [190_080_000, 10_000_000, 12_000_000, 3_000_000]


def test_company_donations_are_not_benefits():
    text = "Pemkab menyerahkan dana CSR Rp 500 juta dari perusahaan daerah kepada Dinas Sosial."
    assert payouts_of(text) == []


def test_a_total_alone_is_a_payout_only_after_payouts():
    text = (
        "Pemkot menganggarkan Rp 60 juta untuk pelatihan pedagang yang terdampak. "
        "Ahli waris almarhum Darto menerima santunan kematian Rp 42 juta dan biaya pemakaman Rp 10 juta. "
        "Totalnya Rp 52 juta."
    )
    assert payouts_of(text) == [
        (42_000_000, "Darto", {"JKM"}),
        (10_000_000, "Darto", {"JKM"}),
        (52_000_000, "Darto", {"JKM"}),
    ]


def test_a_benefit_size_stated_as_a_rule_is_not_a_payout():
    text = (
        "Kepala cabang berharap jumlah peserta naik dua kali lipat. Menurut dia, iuran JKK-JKM hanya "
        "Rp 16.800 sebulan, sedangkan manfaat santunan kematian mencapai Rp 42 juta."
    )
    assert payouts_of(text) == []


def test_written_amount_styles_and_honorific_markers():
    text = (
        "Santunan diberikan kepada keluarga mendiang Kasno dan mendiang Sumirah. Keduanya menerima "
        "Rp.42.000.000,- masing-masing. Selain itu, ahli waris dari Alm. Supriadi, tukang ojek yang meninggal "
        "karena kecelakaan kerja, menerima santunan JKK sebesar RP 150 JUTA."
    )
    assert payouts_of(text) == [
        (42_000_000, "Kasno", {"JKM"}),
        (42_000_000, "Sumirah", {"JKM"}),
        (150_000_000, "Supriadi", {"JKK"}),
    ]


def test_the_named_heir_is_kept_apart_from_the_beneficiary():
    text = (
        "Murni (45) masih ingat malam ketika suaminya, Darsono, tidak pulang dari laut.\n"
        "Murni menerima santunan kematian Rp48 juta dari BPJS Ketenagakerjaan."
    )
    (payout,) = extract_payouts(context_for(text))
    assert (payout.beneficiary, payout.heir) == ("Darsono", "Murni")


def test_an_injured_worker_named_sentences_before_and_a_place_after_a_noun_is_not_a_name():
    text = (
        "Ia mencontohkan Parjo, perajin gerabah Kasongan yang sudah terdaftar secara mandiri. "
        "Tangannya melepuh saat bekerja pada Agustus lalu. "
        "Seluruh biaya perawatannya sebesar Rp18,7 juta ditanggung BPJS Ketenagakerjaan melalui program JKK."
    )
    assert payouts_of(text) == [(18_700_000, "Parjo", {"JKK"})]


def test_a_payout_to_a_worker_whose_contributions_were_subsidised_is_still_a_payout():
    text = (
        "Pada kesempatan yang sama, BPJS Ketenagakerjaan menyerahkan santunan jaminan kematian sebesar Rp42 juta "
        "kepada ahli waris seorang pedagang pasar yang terdaftar sebagai peserta penerima bantuan iuran. "
        "Pemkab menyisihkan Rp 10 juta per tahun untuk membayar iuran warga desa."
    )
    assert payouts_of(text) == [(42_000_000, None, {"JKM"})]


def test_a_total_received_by_one_worker_s_heirs_is_that_workers():
    text = (
        "BPJS Ketenagakerjaan menyerahkan santunan kepada ahli waris Sutarno, perangkat desa yang meninggal akibat "
        "kecelakaan kerja. Total manfaat yang diterima ahli waris mencapai Rp177,24 juta."
    )
    assert payouts_of(text) == [(177_240_000, "Sutarno", {"JKK"})]


def test_unnamed_heirs_listed_beside_named_ones_each_get_a_payout():
    text = (
        "Pemkab Ngawi menyerahkan santunan JKM kepada ahli waris empat pekerja rentan, Senin (13/5/2024). "
        "Santunan masing-masing Rp42 juta diterima ahli waris almarhum Sutarno, ketua RT 03 di Desa Kedunggalar; "
        "almarhumah Wartini, guru ngaji di Desa Pitu; ahli waris seorang marbot musala di Kecamatan Paron; "
        "serta ahli waris seorang tukang ojek di Geneng."
    )
    assert payouts_of(text) == [
        (42_000_000, "Sutarno", {"JKM"}),
        (42_000_000, "Wartini", {"JKM"}),
        (42_000_000, None, {"JKM"}),
        (42_000_000, None, {"JKM"}),
    ]


def test_a_count_of_other_heirs_after_a_named_one_adds_that_many_payouts():
    text = (
        "BPJS Ketenagakerjaan menyerahkan santunan kematian kepada keluarga pekerja, Senin (13/5/2024). "
        "Santunan JKM masing-masing Rp42 juta diberikan kepada ahli waris almarhum Karyono, penyadap karet, "
        "dan tiga ahli waris lainnya dari Kecamatan Bringin."
    )
    assert payouts_of(text) == [(42_000_000, "Karyono", {"JKM"})] + [(42_000_000, None, {"JKM"})] * 3


def test_a_capitalised_job_after_a_named_deceased_is_not_another_name():
    text = (
        "BPJS Ketenagakerjaan menyerahkan santunan kematian, Senin (13/5/2024). "
        "Santunan JKM masing-masing Rp42 juta diterima ahli waris almarhum Suroto, Ketua RT 02; "
        "ahli waris almarhum Sanusi, Marbot Masjid Al Ikhlas; dan ahli waris almarhumah Sri Wahyuni, "
        "Guru Ngaji TPQ Nurul Huda."
    )
    assert payouts_of(text) == [
        (42_000_000, "Suroto", {"JKM"}),
        (42_000_000, "Sanusi", {"JKM"}),
        (42_000_000, "Sri Wahyuni", {"JKM"}),
    ]


def test_benefit_sizes_a_regulation_grants_are_rules_not_payouts():
    text = (
        "BPJS Ketenagakerjaan menyerahkan santunan JKM kepada ahli waris almarhum Darmaji, Senin (13/5/2024). "
        "Sesuai ketentuan yang berlaku, setiap peserta yang meninggal dunia berhak atas santunan sekaligus Rp20 juta, "
        "santunan berkala Rp12 juta, dan biaya pemakaman Rp10 juta. Jumlahnya Rp42 juta. "
        "Selain itu, Sulastri sebagai istri almarhum berhak atas JP berkala Rp350.000 per bulan."
    )
    assert payouts_of(text) == [(350_000, "Darmaji", {"JP"})]


def test_children_of_one_deceased_each_receiving_are_payouts_to_that_worker():
    text = (
        "BPJS Ketenagakerjaan menyerahkan santunan JKK kepada ahli waris almarhum Sugeng Riyadi, Senin (13/5/2024). "
        "Kedua anak almarhum, Dimas dan Laras, juga menerima beasiswa masing-masing Rp1,5 juta."
    )
    assert payouts_of(text) == [(1_500_000, "Sugeng Riyadi", {"beasiswa"})] * 2


def test_a_programme_said_not_to_apply_does_not_decide_the_death_programme():
    text = (
        "BPJS Ketenagakerjaan menyerahkan santunan kepada ahli waris almarhum Warsito, Senin (13/5/2024). "
        "Warsito meninggal karena kecelakaan lalu lintas saat berangkat kerja. "
        '"Ahli waris berhak atas manfaat JKK, bukan hanya Jaminan Kematian," kata petugas. '
        "Rinciannya, santunan kematian Rp150.000.000 dan biaya pemakaman Rp10.000.000."
    )
    assert payouts_of(text) == [(150_000_000, "Warsito", {"JKK"}), (10_000_000, "Warsito", {"JKK"})]


def test_an_exact_amount_its_breakdown_adds_up_to_is_their_total():
    text = (
        "Ahli waris almarhum Slamet menerima manfaat BPJS Ketenagakerjaan senilai Rp90.500.000, Senin (13/5/2024). "
        "Rinciannya, santunan JKM Rp42.000.000 dan saldo JHT Rp48.500.000. "
        "Istrinya juga menerima JP berkala Rp300.000 per bulan. "
        "Yang dibayarkan sekaligus Rp90.500.000."
    )
    found = payouts_of(text)
    assert (90_500_000, "Slamet", {"JKM", "JHT"}) in found
    assert (300_000, "Slamet", {"JP"}) in found


def test_a_worked_example_and_the_person_it_invents_receive_nothing():
    text = (
        "LAMONGAN - Ahli waris almarhum Karyono menerima santunan JKM Rp42 juta dari BPJS Ketenagakerjaan, "
        "Selasa (4/6/2024).\n"
        "Sebagai gambaran, pekerja dengan upah Rp5 juta yang meninggal karena kecelakaan kerja "
        "berhak atas santunan Rp240 juta.\n"
        "Misalkan Joko (bukan nama sebenarnya) meninggal dunia setelah 10 tahun menjadi peserta.\n"
        "Ahli waris Joko lalu menerima saldo JHT sekitar Rp60 juta."
    )
    assert payouts_of(text) == [(42_000_000, "Karyono", {"JKM"})]


def test_the_breakdown_of_a_rule_is_not_a_payout():
    text = (
        "Menurut ketentuan, ahli waris peserta yang meninggal berhak atas JKM Rp42 juta. "
        "Rinciannya, santunan sekaligus Rp20 juta, santunan berkala Rp12 juta dan biaya pemakaman Rp10 juta.\n"
        "Kemarin, ahli waris almarhum Sarmin menerima JKM Rp42 juta di kantor cabang."
    )
    assert payouts_of(text) == [(42_000_000, "Sarmin", {"JKM"})]


def test_a_counted_group_of_heirs_with_one_named():
    text = (
        "BPJS Ketenagakerjaan menyerahkan santunan JKM masing-masing Rp42 juta kepada ahli waris "
        "tiga petani, salah satunya almarhum Warsito, Senin (3/6/2024)."
    )
    assert payouts_of(text) == [
        (42_000_000, "Warsito", {"JKM"}),
        (42_000_000, None, {"JKM"}),
        (42_000_000, None, {"JKM"}),
    ]


def test_aid_from_any_body_is_a_payout_without_a_programme():
    text = (
        "Pemkot menyalurkan bantuan Rp 500.000 kepada masing-masing pedagang yang terdampak, total Rp 60 juta. "
        "Para guru ngaji juga masing-masing memperoleh insentif sebesar 1,2 juta dari Pemkab."
    )
    assert payouts_of(text) == [(500_000, None, set()), (60_000_000, None, set()), (1_200_000, None, set())]


def test_a_rate_set_by_a_regulation_is_not_a_payout():
    text = (
        "Dinas Sosial menyalurkan BLT kepada 150 keluarga penerima manfaat. Setiap keluarga menerima Rp 600.000, "
        "sehingga totalnya Rp 90 juta. Nilai BLT per keluarga ditetapkan Rp 300.000 per bulan sesuai peraturan menteri."
    )
    assert [value for value, _, _ in payouts_of(text)] == [600_000, 90_000_000]


def test_a_total_repeated_in_the_lead_and_the_body_is_one_payout():
    text = (
        "Wali kota menyerahkan santunan JKM dengan nilai total Rp 210 juta kepada lima ahli waris pekerja rentan. "
        "Santunan dengan total Rp 210 juta itu diserahkan di pendopo, Senin (3/6/2024)."
    )
    assert [value for value, _, _ in payouts_of(text)].count(210_000_000) == 1


def test_a_fraction_of_a_rupiah_is_never_an_amount():
    text = "Total insentif yang disalurkan Pemkab mencapai Rp 4,3 miliaran kepada ribuan guru."
    assert 4 not in [value for value, _, _ in payouts_of(text)]


def test_santunan_from_another_body_has_no_programme():
    # an article about another payer only
    text = "Keluarga korban tanah longsor di lereng bukit menerima santunan Rp 10 juta dari Pemerintah Provinsi."
    assert payouts_of(text) == [(10_000_000, None, set())]
    # an article that also covers BPJS Ketenagakerjaan: the sentence's payer decides
    text = (
        "BPJS Ketenagakerjaan menyerahkan santunan kematian Rp 42 juta kepada ahli waris almarhum Parmin. "
        "Korban kecelakaan bus itu juga mendapat santunan Rp 50 juta dari Jasa Raharja."
    )
    assert payouts_of(text) == [(42_000_000, "Parmin", {"JKM"}), (50_000_000, "Parmin", set())]


def test_each_of_a_group_counted_in_the_sentence_before_setiap_receives_one_payout():
    text = (
        "Pemerintah desa menyalurkan BLT Dana Desa kepada 12 KPM pada Senin (7/6/2021). "
        "Setiap KPM menerima total Rp 900.000."
    )
    assert payouts_of(text) == [(900_000, None, set())] * 12


def test_masing_masing_a_few_words_before_its_amount():
    text = (
        "BPJS Ketenagakerjaan menyerahkan santunan kepada tiga ahli waris pekerja honorer. "
        '"Untuk jaminan kematian, masing-masing ahli waris itu memperoleh santunan senilai Rp42 juta," katanya.'
    )
    assert payouts_of(text) == [(42_000_000, None, {"JKM"})] * 3


def test_an_at_sign_means_each_of_the_named_deceased():
    text = (
        "Di acara itu diserahkan pula klaim Jaminan Kematian @ Rp 42 juta kepada ahli waris "
        "Almh Sri Wahyuni dan Alm Bambang Irawan."
    )
    assert payouts_of(text) == [(42_000_000, "Sri Wahyuni", {"JKM"}), (42_000_000, "Bambang Irawan", {"JKM"})]


def test_two_groups_in_one_sentence_are_not_a_respective_list():
    text = (
        "Santunan JKM dan JKK diserahkan kepada lima ahli waris. Rinciannya, masing-masing Rp 42 juta diterima "
        "3 orang ahli waris, sedangkan dua orang lainnya yang tercover JKK masing-masing mendapat Rp 70 juta."
    )
    assert sorted(value for value, _, _ in payouts_of(text)) == [42_000_000] * 3 + [70_000_000] * 2


def test_a_claim_handed_to_one_named_worker_is_theirs_but_a_yearly_claim_figure_is_a_total():
    text = (
        "Dalam kesempatan yang sama turut diserahkan klaim JHT Rp 31,5 juta kepada Suparno (karyawan PDAM). "
        "Sepanjang tahun 2024, kantor cabang membayar 3.120 klaim dengan nilai Rp 48 miliar."
    )
    assert [(v, b) for v, b, _ in payouts_of(text)] == [(31_500_000, "Suparno"), (48_000_000_000, None)]


def test_a_mass_hand_out_is_the_per_person_amount_once_and_its_total():
    text = (
        "Pemkab menyalurkan bansos kepada 300 penerima, masing-masing Rp 600 ribu, "
        "sehingga total bantuan yang disalurkan Rp 180 juta."
    )
    assert payouts_of(text) == [(600_000, None, set()), (180_000_000, None, set())]


def test_a_counted_group_named_in_the_next_sentence():
    text = (
        "Kepala cabang merinci, keluarga empat peserta memperoleh santunan Jaminan Kematian masing-masing "
        "sebesar Rp42 juta. Mereka adalah Suwarni, kader posyandu Kelurahan Mergosono; Rudi dan Sarip, "
        "marbot masjid; dan Wagiman dari PT Sinar Jaya."
    )
    assert [who for _, who, _ in payouts_of(text)] == ["Suwarni", "Rudi", "Sarip", "Wagiman"]


def test_victims_named_with_their_age_before_a_masing_masing_amount_are_the_beneficiaries():
    text = (
        "Santunan itu diberikan untuk tiga korban, yaitu Darmin (58), Sukini (61), warga Jalan Melati, "
        'dan Tumirah (60). "Besarnya santunan untuk masing-masing ahli waris korban Rp25 juta," ucapnya.'
    )
    assert [(value, who) for value, who, _ in payouts_of(text)] == [
        (25_000_000, "Darmin"),
        (25_000_000, "Sukini"),
        (25_000_000, "Tumirah"),
    ]


def test_the_deceased_named_after_the_amount_or_as_korban_bernama():
    text = (
        "Keluarga korban longsor menerima uang santunan sebesar Rp 15 juta dari Pemprov. "
        "Rombongan diterima Sutikno, ayah almarhum Bayu Anggara."
    )
    assert payouts_of(text) == [(15_000_000, "Bayu Anggara", set())]
    text = (
        "Korban bernama Karsimin (50), nelayan Desa Tasikmadu, hilang saat melaut karena kecelakaan kerja. "
        "Ahli warisnya menerima santunan JKK senilai Rp 70 juta dari BPJS Ketenagakerjaan."
    )
    assert payouts_of(text) == [(70_000_000, "Karsimin", {"JKK"})]


def test_a_programme_named_after_the_amount_in_its_clause():
    text = (
        "Santunan JKK dan JKM diserahkan kepada delapan ahli waris pekerja rentan. Rinciannya, masing-masing "
        "Rp 42 juta diterima 5 orang yang tercover program JKM, sedangkan tiga orang yang tercover JKK masing-masing "
        "mendapat Rp 70 juta."
    )
    assert payouts_of(text) == [(42_000_000, None, {"JKM"})] * 5 + [(70_000_000, None, {"JKK"})] * 3


def test_a_death_from_a_work_accident_said_after_the_amount_is_jkk():
    text = (
        "Santunan kematian sebesar Rp250 juta diberikan BPJS Ketenagakerjaan untuk keluarga lima buruh proyek, "
        "yang meninggal karena kecelakaan kerja di jalan tol."
    )
    assert {tuple(programs) for _, _, programs in payouts_of(text)} == {("JKK",)}
    # a general statement about accidents is not the cause of this death
    text = (
        "Manfaat santunan yang diserahkan kepada ahli waris almarhum Karto senilai Rp 42 juta sebagai bentuk "
        "kepedulian bagi peserta yang mengalami kecelakaan kerja atau penyakit akibat kerja."
    )
    assert payouts_of(text) == [(42_000_000, "Karto", {"JKM"})]


def test_a_bare_santunan_takes_the_programmes_the_next_sentence_names():
    text = (
        "BPJS Ketenagakerjaan menyalurkan santunan bagi 6 peserta dengan nilai total Rp 650 juta. "
        "Secara simbolis bupati lalu memberikan klaim JKM dan Jaminan Kecelakaan Kerja (JKK) "
        "itu kepada para ahli waris."
    )
    assert payouts_of(text) == [(650_000_000, None, {"JKK", "JKM"})]


def test_money_disbursed_in_a_region_is_a_stated_total():
    text = (
        "Total dana jaminan sosial yang sudah dikucurkan di kabupaten tersebut oleh BPJS Ketenagakerjaan "
        "mencapai Rp18 miliar."
    )
    assert payouts_of(text) == [(18_000_000_000, None, set())]


def test_a_total_rounded_to_fewer_digits_than_its_parts_still_takes_their_programmes():
    text = (
        "Kepala cabang merinci, santunan untuk ahli waris almarhum Yanto meliputi JKK Rp 150,125 juta, "
        "JP Rp 412,350 serta JHT Rp 20,500 juta. Anak almarhum juga mendapat beasiswa Rp 10 juta, "
        "sehingga keluarga menerima total santunan Rp 181,037 juta."
    )
    found = payouts_of(text)
    assert found[-1] == (181_037_000, "Yanto", {"JKK", "JP", "JHT", "beasiswa"})


def test_a_total_covers_the_programmes_of_its_breakdown_even_when_they_do_not_add_up():
    text = (
        "Menurut kepala cabang, total santunan untuk keluarga almarhum mencapai ± Rp300 juta. "
        "Rinciannya meliputi jaminan kematian Rp42 juta, jaminan hari tua ± Rp8 juta, "
        "lalu beasiswa pendidikan bagi satu anak sebesar Rp60 juta."
    )
    found = payouts_of(text)
    assert found[0] == (300_000_000, None, {"JKM", "JHT", "beasiswa"})
    assert [value for value, _, _ in found[1:]] == [42_000_000, 8_000_000, 60_000_000]


def test_a_count_without_masing_masing_is_one_payout_each_only_when_the_total_says_so():
    group = (
        "Rinciannya, masing-masing Rp 42 juta diterima 4 orang yang tercover program JKM, "
        "adapun dua orang lain yang tercover JKK mendapat uang senilai Rp 70 juta."
    )
    with_total = "Santunan JKM dan JKK senilai total Rp 308 juta diserahkan kepada enam ahli waris. " + group
    assert sorted(v for v, _, _ in payouts_of(with_total)) == [42_000_000] * 4 + [70_000_000] * 2 + [308_000_000]
    without_total = "Santunan JKM dan JKK diserahkan kepada enam ahli waris. " + group
    assert sorted(v for v, _, _ in payouts_of(without_total)) == [42_000_000] * 4 + [70_000_000]


def test_a_bare_initial_closing_a_name_is_part_of_it():
    text = "Klaim JHT Rp 21,4 juta juga diserahkan kepada Dewi Lestari K (BPR Sleman)."
    assert payouts_of(text) == [(21_400_000, "Dewi Lestari K", {"JHT"})]
