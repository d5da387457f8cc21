"""A real HTTP server on 127.0.0.1 for the ingestion tests.

It serves the corpus pages under /news/<name>.html and a set of misbehaving
endpoints (errors, slow and huge bodies, binary files, wrong charsets,
redirect loops, robots.txt rules). Use it through the `news_server` fixture:

    from http_fixtures import news_server  # noqa: F401  (registers the fixture)

    def test_x(news_server):
        url = news_server.url("/news/realita-gresik-pekerja-rentan.html")

Every page text here was written for these tests.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "html"

ROBOTS_TXT = b"User-agent: *\nDisallow: /private/\n"

# An article in Indonesian written for the charset tests: curly quotes, an
# en dash and accented letters, all outside ASCII.
CP1252_ARTICLE = """<html><head><title>Santunan untuk Ahli Waris Pekerja Kebun</title></head>
<body><div class="content"><h1>Santunan untuk Ahli Waris Pekerja Kebun</h1>
<p>JEMBER – BPJS Ketenagakerjaan Cabang Jember menyerahkan santunan jaminan kematian kepada ahli waris André Setiawan, pekerja kebun kopi yang meninggal dunia karena sakit, Kamis (12/9/2024).</p>
<p>“Kami berharap santunan ini dapat membantu keluarga yang ditinggalkan untuk melanjutkan hidup,” kata kepala cabang saat penyerahan di kantor desa setempat.</p>
<p>Menurut dia, almarhum terdaftar sebagai peserta bukan penerima upah sejak tahun lalu dan iurannya dibayarkan oleh koperasi petani kopi di desa tersebut.</p>
</div></body></html>"""

ENGLISH_ARTICLE = """<!DOCTYPE html><html lang="en"><head><title>Social security agency signs deal with regency</title></head>
<body><article><h1>Social security agency signs deal with regency</h1>
<p>SURABAYA - The workers' social security agency signed an agreement with the regency government on Monday, which will protect more than eight thousand informal workers from the risk of accidents at work.</p>
<p>The head of the branch office said that the contributions of the workers would be paid from the regional budget for the next ten months, and that the programme was part of a wider national effort.</p>
<p>Officials from the social affairs office were also present at the signing, which took place at the branch office in the city centre.</p>
</article></body></html>"""

INDEX_PAGE = """<!DOCTYPE html><html lang="id"><head><title>Indeks Berita - Kabar Jatim</title></head>
<body><nav><a href="/">Beranda</a> <a href="/ekonomi">Ekonomi</a> <a href="/peristiwa">Peristiwa</a></nav>
<h1>Indeks Berita</h1>
<ul class="index-list">
<li><a href="/news/1">BPJS Ketenagakerjaan Serahkan Santunan di Kediri</a> <span>Senin, 2 September 2024</span></li>
<li><a href="/news/2">Pemkab Tulungagung Daftarkan Ribuan Pekerja Rentan</a> <span>Senin, 2 September 2024</span></li>
<li><a href="/news/3">Harga Gabah di Tingkat Petani Naik</a> <span>Minggu, 1 September 2024</span></li>
<li><a href="/news/4">Jalan Provinsi di Lumajang Mulai Diperbaiki</a> <span>Minggu, 1 September 2024</span></li>
<li><a href="/news/5">Festival Budaya Digelar di Alun-Alun Kota</a> <span>Sabtu, 31 Agustus 2024</span></li>
</ul>
<div class="pagination"><a href="?page=2">2</a> <a href="?page=3">3</a> <a href="?page=2">Berikutnya</a></div>
<footer>Copyright © 2024 Kabar Jatim</footer></body></html>"""

# Unclosed tags, stray closing tags, unquoted attributes, no </head>, </body>, </html>.
MALFORMED_ARTICLE = """<html><head><title>Pemkab Ngawi Lindungi Pekerja Rentan</title>
<meta name=description content=Pemkab Ngawi></meta></meta>
<body><div class=wrap><div class="artikel">
<h1>Pemkab Ngawi Lindungi 3.000 Pekerja Rentan</h1>
<p>NGAWI - Pemerintah Kabupaten Ngawi mendaftarkan 3.000 pekerja rentan sebagai peserta BPJS Ketenagakerjaan melalui anggaran daerah tahun ini, Rabu (4/9/2024).
<p>Para pekerja itu terdiri atas petani, buruh tani, pedagang kecil dan pengemudi ojek yang selama ini belum memiliki perlindungan jaminan sosial.</span>
<p>Bupati Ngawi menyatakan program tersebut akan dilanjutkan pada tahun berikutnya dengan jumlah peserta yang lebih banyak.</div>
<p><b>Baca Juga: <a href=/x>Pasar Murah Digelar di Ngawi</a></b>
<p>Kepala kantor cabang BPJS Ketenagakerjaan setempat mengapresiasi langkah pemerintah kabupaten yang dinilai berpihak kepada pekerja kecil.
"""

PLAIN_TEXT = (
    "Ini hanya teks biasa tanpa markah HTML apa pun, seperti catatan rapat.\n"
    "Baris kedua dari catatan itu juga tidak memuat tanda kurung sudut sama sekali.\n"
)


class NewsServer:
    """The running server: its base URL and how often each path was asked for."""

    def __init__(self, host: str, port: int):
        self.base = f"http://{host}:{port}"
        self.hits: Counter[str] = Counter()
        self.user_agents: set[str] = set()
        self.lock = threading.Lock()

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, path: str) -> int:
        with self.lock:
            return self.hits[path]


def _handler(server_state: NewsServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # keep test output clean
            pass

        def do_GET(self):
            path = self.path.split("?")[0]
            with server_state.lock:
                server_state.hits[path] += 1
                server_state.user_agents.add(self.headers.get("User-Agent", ""))
                hits = server_state.hits[path]
            try:
                self.route(path, hits)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def send(
            self,
            status: int,
            body: bytes,
            content_type: str | None = "text/html; charset=utf-8",
            headers: dict | None = None,
        ):
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def route(self, path: str, hits: int):
            if path == "/robots.txt":
                return self.send(200, ROBOTS_TXT, "text/plain")
            if path.startswith(("/news/", "/private/")):
                page = CORPUS / path.rsplit("/", 1)[-1]
                if page.suffix == ".html" and page.is_file():
                    return self.send(200, page.read_bytes())
                return self.send(404, b"<html><body>Halaman tidak ditemukan</body></html>")
            if path.startswith("/status/"):
                status = int(path.rsplit("/", 1)[-1])
                return self.send(status, f"<html><body>Status {status}</body></html>".encode())
            if path.startswith("/flaky/"):
                # /flaky/<failures>/<page>: 503 for the first <failures> requests, then the page
                _, _, failures, name = path.split("/", 3)
                if hits <= int(failures):
                    return self.send(503, b"<html><body>Sedang sibuk</body></html>", headers={"Retry-After": "0"})
                return self.send(200, (CORPUS / name).read_bytes())
            if path == "/slow-headers":
                time.sleep(3)
                return self.send(200, (CORPUS / "realita-gresik-pekerja-rentan.html").read_bytes())
            if path == "/trickle":
                return self.trickle()
            if path == "/huge":
                return self.huge()
            if path == "/huge-declared":
                return self.declared_huge()
            if path == "/empty":
                return self.send(200, b"")
            if path == "/pdf":
                return self.send(200, b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "application/pdf")
            if path == "/pdf-as-html":
                return self.send(200, b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
            if path == "/image.png":
                return self.send(200, b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
            if path == "/plain.txt":
                return self.send(200, PLAIN_TEXT.encode(), "text/plain; charset=utf-8")
            if path == "/plain-as-html":
                return self.send(200, PLAIN_TEXT.encode())
            if path == "/cp1252/wrong-charset":
                return self.send(200, CP1252_ARTICLE.encode("cp1252"), "text/html; charset=utf-8")
            if path == "/cp1252/no-charset":
                return self.send(200, CP1252_ARTICLE.encode("cp1252"), "text/html")
            if path == "/loop/a":
                return self.send(302, b"", headers={"Location": "/loop/b"})
            if path == "/loop/b":
                return self.send(302, b"", headers={"Location": "/loop/a"})
            if path.startswith("/chain/"):
                left = int(path.rsplit("/", 1)[-1])
                target = f"/chain/{left - 1}" if left > 1 else "/news/realita-gresik-pekerja-rentan.html"
                return self.send(301, b"", headers={"Location": target})
            if path == "/moved":
                return self.send(301, b"", headers={"Location": "/news/realita-gresik-pekerja-rentan.html"})
            if path == "/malformed":
                return self.send(200, MALFORMED_ARTICLE.encode())
            if path == "/index":
                return self.send(200, INDEX_PAGE.encode())
            if path == "/english":
                return self.send(200, ENGLISH_ARTICLE.encode())
            return self.send(404, b"<html><body>Halaman tidak ditemukan</body></html>")

        def trickle(self):
            # headers at once, then one byte every 0.2 s: no single read ever times out
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(100):  # gives up after 20 s whatever the client does
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(0.2)
            self.close_connection = True

        def huge(self):
            # no Content-Length: the size is only known by reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + b"Berita panjang sekali. " * 40 + b"</p>\n"
            for _ in range(4000):  # about 3.7 MB
                self.wfile.write(chunk)
            self.close_connection = True

        def declared_huge(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(50_000_000))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"<html><body>")
            self.close_connection = True

    return Handler


@pytest.fixture(scope="session")
def news_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), None)
    state = NewsServer(*server.server_address[:2])
    server.RequestHandlerClass = _handler(state)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def refused_url():
    """A URL on 127.0.0.1 where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/news/x.html"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(db_path: Path) -> Iterator[str]:
    """`extract serve` on `db_path` in a real subprocess on a free port; yields its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from extract.cli import cli; cli()",
            "serve",
            "--db",
            str(db_path),
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=2).read()
            break
        except OSError:
            if process.poll() is not None or time.time() > deadline:
                process.kill()
                pytest.fail("extract serve did not start: " + (process.stdout.read() or ""))
            time.sleep(0.2)
    try:
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
