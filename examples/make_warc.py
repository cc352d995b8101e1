"""Write examples/corpus/calvora_courier_bridge.warc.gz: one WARC response record
holding one (fictional) HTML news page.

The output is deterministic: the WARC-Date, the WARC-Record-ID and the HTTP headers
are fixed, and warcio's gzip stream carries no timestamp, so running this script
again gives the same bytes.

    .venv/bin/python examples/make_warc.py
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUTPUT = Path(__file__).parent / "corpus" / "calvora_courier_bridge.warc.gz"
URL = "https://www.calvoracourier.example/world/2025/03/17/ostel-bridge-reopening-hauliers"
WARC_DATE = "2025-03-18T10:02:11Z"
RECORD_ID = "<urn:uuid:6a0c9f3e-5d1b-4c8e-9a27-3f1e2b7d4c50>"
HTTP_DATE = "Tue, 18 Mar 2025 10:02:11 GMT"

PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Hauliers get ready as Ostel Bridge reopening date is set | The Calvora Courier</title>
<meta property="og:site_name" content="The Calvora Courier">
<meta property="og:title" content="Hauliers get ready as Ostel Bridge reopening date is set">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Hauliers get ready as Ostel Bridge reopening date is set",
 "datePublished": "2025-03-17T07:45:00+01:00",
 "author": {"@type": "Person", "name": "Davor Lune"},
 "publisher": {"@type": "Organization", "name": "The Calvora Courier"}}
</script>
</head>
<body>
<header class="site-header">
  <a class="logo" href="/">The Calvora Courier</a>
  <nav><ul>
    <li><a href="/news">News</a></li><li><a href="/business">Business</a></li>
    <li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li>
    <li><a href="/opinion">Opinion</a></li>
  </ul></nav>
  <div class="promo">Subscribe to the Courier for 1 crown a week</div>
</header>
<main>
<article>
  <p class="kicker">World</p>
  <h1>Hauliers get ready as Ostel Bridge reopening date is set</h1>
  <p class="byline">By Davor Lune</p>
  <p>Lorry operators on both sides of the Sarn are preparing to return to the Ostel Bridge after the Calvoran government said on Sunday that the crossing would reopen to freight next month, on 7 April.</p>
  <p>The date follows the agreement reached last week in Lentisse, where Foreign Minister Irena Dovask and her Veldanian counterpart, Piet Ravensar, held the first formal talks between the two countries in almost two years.</p>
  <p>&#8220;We have drivers who have not seen the Veldanian side of the river in a year,&#8221; said Ruta Kell, who chairs the Calvoran Road Hauliers' Association. &#8220;Some of them will need a map.&#8221;</p>
  <p>Customs officers from both countries will staff a joint checkpoint on the Calvoran bank. The interior ministry said it expected queues in the first week and asked hauliers to book crossing slots online.</p>
  <p>The bridge has been closed to lorries since last spring, forcing freight onto a ferry at Dannick that adds up to six hours to the journey between Lentisse and Brask.</p>
  <p>The dispute over tolls on Sarn river barges, which caused the freeze, remains unresolved. The two ministers are due to meet again in Brask in May, once the new joint river commission has begun its work, officials said.</p>
</article>
<aside class="related">
  <h2>Related</h2>
  <ul>
    <li><a href="/world/2025/03/11/calvora-veldania-talks">Calvora and Veldania agree to reopen Ostel Bridge</a> <span>11 March 2025</span></li>
    <li><a href="/business/2025/03/13/kesmarro-interim-deal">Kesmarro cranes move again after interim deal</a> <span>13 March 2025</span></li>
  </ul>
</aside>
</main>
<footer class="site-footer">
  <p>&#169; 2025 The Calvora Courier Ltd. All rights reserved.</p>
  <p><a href="/contact">Contact us</a> | <a href="/privacy">Privacy</a> | <a href="/cookies">Cookie settings</a></p>
</footer>
</body>
</html>
"""


def main() -> None:
    body = PAGE.encode("utf-8")
    http_headers = StatusAndHeaders(
        "200 OK",
        [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Date", HTTP_DATE),
            ("Server", "nginx"),
        ],
        protocol="HTTP/1.1",
    )
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUTPUT, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        record = writer.create_warc_record(
            URL,
            "response",
            payload=BytesIO(body),
            http_headers=http_headers,
            warc_headers_dict={"WARC-Date": WARC_DATE, "WARC-Record-ID": RECORD_ID},
        )
        writer.write_record(record)
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
