"""A fake regional news site on disk, for `extract bench-crawl` and the crawl tests.

Article pages in the layout of the corpus pages (a menu, a headline, a
dateline, paragraphs, "Baca Juga" furniture), a home page linking an RSS
feed, robots.txt with a `Sitemap:` line, a sitemap index with child
sitemaps. About a tenth of the articles are about BPJS Ketenagakerjaan, the
rest about what else a regional outlet reports (football, floods, markets,
roads, festivals, schools), as on a real site. Every sentence was written
for this module; the people and places are varied at random.

`serve_directory` serves such a folder with Python's own http.server in a
separate process (its CPU is not the crawler's) on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import html
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

CITIES = (
    "Kediri",
    "Blitar",
    "Tulungagung",
    "Trenggalek",
    "Nganjuk",
    "Madiun",
    "Ngawi",
    "Jombang",
    "Lamongan",
    "Tuban",
    "Bojonegoro",
    "Pasuruan",
    "Probolinggo",
    "Lumajang",
    "Jember",
    "Banyuwangi",
    "Sumenep",
    "Gresik",
)
NAMES = (
    "Agus Santoso",
    "Dewi Lestari",
    "Eko Prasetyo",
    "Fitri Handayani",
    "Joko Susanto",
    "Rina Wahyuni",
    "Slamet Riyadi",
    "Teguh Nugroho",
    "Wahyu Hidayat",
    "Yuli Utami",
    "Bambang Haryanto",
    "Sri Rahayu",
)
JOBS = ("petani", "nelayan", "pedagang pasar", "pengemudi ojek", "buruh bangunan", "perangkat desa")
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

ON_TOPIC = (
    (
        "BPJS Ketenagakerjaan {city} Serahkan Santunan kepada Ahli Waris {job_title}",
        [
            "{CITY} - BPJS Ketenagakerjaan Cabang {city} menyerahkan santunan jaminan kematian kepada ahli waris almarhum {name}, seorang {job} yang meninggal dunia karena sakit, {weekday} ({d}/{m}/{y}).",
            "Kepala Kantor Cabang BPJS Ketenagakerjaan {city}, {name2}, mengatakan santunan sebesar Rp{n} juta itu diberikan karena almarhum terdaftar sebagai peserta bukan penerima upah sejak tahun lalu.",
            "Menurut dia, iuran almarhum dibayarkan oleh pemerintah desa setempat melalui anggaran dana desa, sehingga keluarga tidak perlu menanggung biaya apa pun untuk perlindungan tersebut.",
            "Ia berharap semakin banyak pekerja rentan di {city} yang terdaftar sebagai peserta jaminan sosial ketenagakerjaan agar keluarga mereka terlindungi dari risiko kerja.",
        ],
    ),
    (
        "Pemkab {city} dan BPJS Ketenagakerjaan Teken Kerja Sama Perlindungan {n} Ribu Pekerja Rentan",
        [
            "{CITY} - Pemerintah Kabupaten {city} menandatangani perjanjian kerja sama dengan BPJS Ketenagakerjaan untuk melindungi {n}.000 pekerja rentan, {weekday} ({d}/{m}/{y}).",
            "Bupati {city} mengatakan iuran jaminan kecelakaan kerja dan jaminan kematian para pekerja itu dibayar dari anggaran daerah selama dua belas bulan ke depan.",
            "Para pekerja yang didaftarkan antara lain {job}, buruh tani dan pedagang kecil yang selama ini belum memiliki perlindungan jaminan sosial ketenagakerjaan.",
            "Penandatanganan nota kesepahaman itu disaksikan oleh kepala kantor cabang BPJS Ketenagakerjaan, para camat dan kepala desa se-kabupaten di pendopo.",
        ],
    ),
)
OFF_TOPIC = (
    (
        "Persik Tundukkan Tamunya Dua Gol Tanpa Balas di Stadion {city}",
        [
            "{CITY} - Tim sepak bola kebanggaan warga {city} meraih kemenangan dua gol tanpa balas atas tamunya dalam laga lanjutan liga, {weekday} ({d}/{m}/{y}).",
            "Gol pertama dicetak pada menit ke-{n} melalui sundulan kepala setelah menerima umpan silang dari sisi kanan lapangan.",
            "Pelatih kepala mengaku puas dengan permainan anak asuhnya yang tampil disiplin sejak menit awal hingga peluit panjang dibunyikan wasit.",
            "Ribuan suporter memadati tribun stadion dan menyalakan lampu telepon genggam untuk merayakan kemenangan itu bersama para pemain.",
        ],
    ),
    (
        "Hujan Deras Semalaman, Ratusan Rumah di {city} Terendam Banjir",
        [
            "{CITY} - Hujan deras yang mengguyur sejak sore membuat sungai meluap dan merendam ratusan rumah warga di tiga kecamatan, {weekday} ({d}/{m}/{y}).",
            "Ketinggian air di permukiman mencapai {n} sentimeter sehingga sebagian warga mengungsi ke balai desa dan masjid terdekat.",
            "Petugas badan penanggulangan bencana daerah mendirikan dapur umum dan membagikan makanan siap saji kepada para pengungsi.",
            "Warga berharap pemerintah segera menormalisasi aliran sungai yang menyempit karena sedimentasi dan tumpukan sampah.",
        ],
    ),
    (
        "Harga Cabai Rawit di Pasar {city} Naik Jelang Akhir Pekan",
        [
            "{CITY} - Harga cabai rawit di pasar tradisional {city} naik menjadi Rp{n}.000 per kilogram, {weekday} ({d}/{m}/{y}).",
            "Para pedagang menyebut pasokan dari petani berkurang karena cuaca yang tidak menentu dalam dua pekan terakhir.",
            "Sejumlah pembeli mengaku mengurangi belanja cabai dan beralih ke sambal kemasan untuk kebutuhan rumah tangga.",
            "Dinas perdagangan setempat berjanji memantau harga setiap hari dan menggelar operasi pasar bila kenaikan terus berlanjut.",
        ],
    ),
    (
        "Perbaikan Jalan Penghubung Antarkecamatan di {city} Dikebut",
        [
            "{CITY} - Pengerjaan perbaikan jalan penghubung antarkecamatan sepanjang {n} kilometer di {city} terus dikebut, {weekday} ({d}/{m}/{y}).",
            "Kepala dinas pekerjaan umum mengatakan pengaspalan ditargetkan selesai sebelum musim hujan agar arus kendaraan tidak terganggu.",
            "Selama pengerjaan berlangsung, kendaraan dari arah utara dialihkan melalui jalan desa dengan pengaturan dari petugas perhubungan.",
            "Warga menyambut baik perbaikan itu karena jalan yang berlubang selama ini kerap menyebabkan pengendara sepeda motor terjatuh.",
        ],
    ),
    (
        "Festival Budaya di Alun-Alun {city} Dipadati Pengunjung",
        [
            "{CITY} - Festival budaya tahunan di alun-alun {city} dipadati ribuan pengunjung sejak pagi hingga malam hari, {weekday} ({d}/{m}/{y}).",
            "Sebanyak {n} kelompok kesenian dari berbagai desa menampilkan tari tradisional, jaranan dan musik gamelan secara bergantian.",
            "Para pelaku usaha kecil juga membuka stan makanan khas daerah yang laris diburu pengunjung dari luar kota.",
            "Panitia berharap festival tersebut dapat menjadi agenda wisata yang mendongkrak perekonomian warga sekitar.",
        ],
    ),
)

PAGE = """<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{title} | {site_name}</title>
<meta property="og:title" content="{title}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{site_name}">
<meta property="article:published_time" content="{published}T09:00:00+07:00">
</head>
<body>
<div id="menu"><a href="/">Beranda</a> | <a href="/kategori/peristiwa">Peristiwa</a> | <a href="/kategori/ekonomi">Ekonomi</a> | <a href="/kategori/olahraga">Olahraga</a></div>
<div id="content">
  <div class="post-header">
    <h1 class="post-title">{title}</h1>
    <div class="post-meta"><span class="post-date">{published}</span></div>
  </div>
  <div class="post-content">
{paragraphs}
    <p><b>Baca Juga: <a href="/kategori/peristiwa">Berita Terbaru Hari Ini</a></b></p>
  </div>
</div>
<footer>Copyright &copy; {site_name}</footer>
</body>
</html>
"""


@dataclass(frozen=True)
class FakeArticle:
    path: str  # e.g. /berita/123-slug.html
    title: str
    paragraphs: tuple[str, ...]
    published: dt.date
    on_topic: bool


def article_page(
    title: str, paragraphs: list[str] | tuple[str, ...], published: dt.date, site_name: str = "Kabar Jatim"
) -> str:
    """An article page in the layout of the corpus pages."""
    body = "\n".join(f"    <p>{html.escape(p)}</p>" for p in paragraphs)
    return PAGE.format(
        title=html.escape(title), site_name=html.escape(site_name), published=published.isoformat(), paragraphs=body
    )


def make_articles(
    count: int, on_topic_share: float = 0.1, seed: int = 0, newest: dt.date = dt.date(2025, 6, 30)
) -> list[FakeArticle]:
    """`count` articles, newest first, one day apart every 20 articles; `on_topic_share` of them on the topic."""
    rng = random.Random(seed)
    on_topic = set(rng.sample(range(count), round(count * on_topic_share)))
    articles = []
    for number in range(count):
        title, paragraphs = rng.choice(ON_TOPIC if number in on_topic else OFF_TOPIC)
        published = newest - dt.timedelta(days=number // 20)
        city = rng.choice(CITIES)
        job = rng.choice(JOBS)
        names = rng.sample(NAMES, 2)
        words = {
            "city": city,
            "CITY": city.upper(),
            "job": job,
            "job_title": job.title(),
            "name": names[0],
            "name2": names[1],
            "n": rng.randint(2, 90),
            "weekday": WEEKDAYS[published.weekday()],
            "d": published.day,
            "m": published.month,
            "y": published.year,
        }
        filled_title = title.format(**words)
        slug = re.sub(r"[^a-z0-9]+", "-", filled_title.lower()).strip("-")
        articles.append(
            FakeArticle(
                f"/berita/{count - number}-{slug}.html",
                filled_title,
                tuple(p.format(**words) for p in paragraphs),
                published,
                number in on_topic,
            )
        )
    return articles


def url_set(base: str, articles: list[FakeArticle], news: bool = False) -> str:
    """A sitemap <urlset> (a Google News sitemap with `news`) of the articles."""
    ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
    entries = []
    for article in articles:
        loc = escape(base + article.path)
        if news:
            entries.append(
                f"<url><loc>{loc}</loc><news:news><news:publication><news:name>Kabar Jatim</news:name>"
                f"<news:language>id</news:language></news:publication><news:publication_date>{article.published}T09:00:00+07:00"
                f"</news:publication_date><news:title>{escape(article.title)}</news:title></news:news></url>"
            )
        else:
            entries.append(f"<url><loc>{loc}</loc><lastmod>{article.published}</lastmod></url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{ns}>\n' + "\n".join(entries) + "\n</urlset>\n"
    )


def sitemap_index(base: str, children: list[tuple[str, dt.date]]) -> str:
    entries = "\n".join(
        f"<sitemap><loc>{escape(base + path)}</loc><lastmod>{day}</lastmod></sitemap>" for path, day in children
    )
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}\n</sitemapindex>\n'


def rss(base: str, articles: list[FakeArticle], extra_query: str = "") -> str:
    items = "\n".join(
        f"<item><title>{escape(a.title)}</title><link>{escape(base + a.path + extra_query)}</link>"
        f"<pubDate>{dt.datetime.combine(a.published, dt.time(9)).strftime('%a, %d %b %Y %H:%M:%S')} +0700</pubDate></item>"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Kabar Jatim</title>'
        f"<link>{escape(base)}/</link><description>Berita terbaru</description>\n{items}\n</channel></rss>\n"
    )


def atom(base: str, articles: list[FakeArticle]) -> str:
    entries = "\n".join(
        f'<entry><title>{escape(a.title)}</title><link rel="alternate" href="{escape(base + a.path)}"/>'
        f"<id>{escape(base + a.path)}</id><published>{a.published}T09:00:00+07:00</published>"
        f"<updated>{a.published}T09:00:00+07:00</updated></entry>"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Kabar Jatim</title>'
        f'<link rel="self" href="{escape(base)}/atom.xml"/><link rel="alternate" href="{escape(base)}/"/>'
        f"<updated>2025-06-30T09:00:00Z</updated><id>{escape(base)}/</id>\n{entries}\n</feed>\n"
    )


def home_page(feeds: list[tuple[str, str]], latest: list[FakeArticle]) -> str:
    """A home page linking `feeds` ((path, type) pairs) and the latest headlines."""
    links = "\n".join(f'<link rel="alternate" type="{kind}" title="Kabar Jatim" href="{path}">' for path, kind in feeds)
    items = "\n".join(f'<li><a href="{a.path}">{html.escape(a.title)}</a></li>' for a in latest)
    return f'<!DOCTYPE html><html lang="id"><head><title>Kabar Jatim</title>\n{links}\n</head><body><h1>Kabar Jatim</h1><ul>{items}</ul></body></html>\n'


def write_article(root: Path, article: FakeArticle) -> None:
    target = root / article.path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(article_page(article.title, article.paragraphs, article.published), encoding="utf-8")


def build_site(root: Path, base: str, articles: list[FakeArticle], per_sitemap: int = 1000) -> None:
    """The whole site under `root`: pages, robots.txt, a sitemap index (children gzip-compressed), an RSS feed of the latest 50."""
    root.mkdir(parents=True, exist_ok=True)
    for article in articles:
        write_article(root, article)
    children = []
    for number, start in enumerate(range(0, len(articles), per_sitemap), 1):
        part = articles[start : start + per_sitemap]
        path = f"/sitemap-{number}.xml.gz"
        (root / path.lstrip("/")).write_bytes(gzip.compress(url_set(base, part).encode("utf-8")))
        children.append((path, max(a.published for a in part)))
    (root / "sitemap_index.xml").write_text(sitemap_index(base, children), encoding="utf-8")
    (root / "robots.txt").write_text(
        f"User-agent: *\nDisallow: /admin/\nSitemap: {base}/sitemap_index.xml\n", encoding="utf-8"
    )
    (root / "rss.xml").write_text(rss(base, articles[:50]), encoding="utf-8")
    (root / "index.html").write_text(home_page([("/rss.xml", "application/rss+xml")], articles[:20]), encoding="utf-8")


# http.server's file handler, as a web server answers: HTTP/1.1 with the
# connection kept open, and Nagle's algorithm off, so that a response's
# headers and body do not wait for the client's delayed ACK (40 ms a page).
_SERVER = """
import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

class Handler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), partial(Handler, directory=sys.argv[2])).serve_forever()
"""


@contextlib.contextmanager
def serve_directory(root: Path, port: int) -> Iterator[str]:
    """Serve `root` on 127.0.0.1:`port` with `python -m http.server` in another process; yields the base URL."""
    process = subprocess.Popen(
        [sys.executable, "-c", _SERVER, str(port), str(root)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int, timeout: float = 10.0) -> None:
    import socket
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"the test site did not start on port {port}")
