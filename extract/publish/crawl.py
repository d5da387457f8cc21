"""The /-/crawl page: what `extract crawl` brought in, the last runs of each site."""

from __future__ import annotations

from datasette.utils.asgi import Response

RUNS_PER_SITE = 10

# The last runs of each site, newest first; sites by their latest run.
LAST_RUNS_SQL = """
select site, id, started, finished, status, found, new, fetched, stored, off_topic, failed
from (
  select r.*,
    row_number() over (partition by site order by started desc, id desc) as n,
    max(started) over (partition by site) as latest
  from crawl_runs r
)
where n <= :per_site
order by latest desc, site, started desc, id desc
"""


async def crawl_page(datasette, request) -> Response:
    db = datasette.get_database()
    sites: dict[str, list[dict]] = {}
    if await db.table_exists("crawl_runs"):
        result = await db.execute(LAST_RUNS_SQL, {"per_site": RUNS_PER_SITE})
        for row in result.rows:
            sites.setdefault(row["site"], []).append(dict(row))
    html = await datasette.render_template(
        "crawl.html",
        {
            "sites": sites,
            "runs_per_site": RUNS_PER_SITE,
            "urls_table": datasette.urls.table(db.name, "crawl_urls"),
            "runs_table": datasette.urls.table(db.name, "crawl_runs"),
        },
        request=request,
    )
    return Response.html(html)
