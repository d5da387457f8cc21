"""Datasette plugin for the site's own pages: home, search, entity pages,
charts and map. Each page's data comes from a pure query module (home,
entities, charts, mapview) run on a read connection through `execute_fn`.

Registered by `extract.publish.app.register_plugin` beside `plugin`.
"""

from __future__ import annotations

from urllib.parse import unquote

from datasette import hookimpl
from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup

from extract.publish import charts, entities, home, mapview, snapshot
from extract.publish.metadata import canned_queries


def path_segment(value: object) -> str:
    """`value` as one path segment in Datasette's tilde encoding ("PT A/B" -> "PT+A~2FB"):
    Datasette redirects a path with %-escapes such as %2F to this form."""
    return tilde_encode(str(value))


def segment_value(raw: str) -> str:
    """The value of a path segment, tilde-encoded or, as typed by hand, %-escaped."""
    return unquote(raw) if "%" in raw else tilde_decode(raw)


async def _page(datasette, request, template: str, context: dict) -> Response:
    db = datasette.get_database()
    html = await datasette.render_template(template, {**context, "database": db.name}, request=request)
    return Response.html(html)


async def home_page(datasette, request) -> Response:
    db = datasette.get_database()
    figures = await snapshot.computed(db, ("figures",), home.figures)
    latest = await db.execute_fn(home.latest_stories)
    metadata = datasette.metadata()
    return await _page(
        datasette,
        request,
        "home.html",
        {
            "title": metadata.get("title") or "bpjs-extract",
            "description_html": Markup(metadata.get("description_html") or ""),
            "metadata": metadata,
            "figures": figures,
            "latest": latest,
            "queries": canned_queries(),
        },
    )


async def search_page(datasette, request) -> Response:
    q = (request.args.get("q") or "").strip()
    results = await datasette.get_database().execute_fn(lambda conn: home.search(conn, q))
    return await _page(datasette, request, "search.html", {"q": q, "results": results})


def _entity_route(template: str, finder, var: str, what: str):
    async def page(datasette, request) -> Response:
        value = segment_value(request.url_vars[var])
        data = await snapshot.computed(datasette.get_database(), (what, value), lambda conn: finder(conn, value))
        if data is None:
            raise NotFound(f"No {what} {value}")
        return await _page(datasette, request, template, data)

    return page


official_page = _entity_route("official.html", entities.official, "key", "official")
region_page = _entity_route("region.html", entities.region, "code", "region")
organisation_page = _entity_route("organisation.html", entities.organisation, "name", "organisation")


async def charts_page(datasette, request) -> Response:
    data = await snapshot.computed(datasette.get_database(), ("charts",), charts.charts_page_data)
    return await _page(datasette, request, "charts.html", data)


async def vega_spec(datasette, request) -> Response:
    name = request.url_vars["name"]
    chart = next((c for c in charts.MONTHLY_CHARTS if c.name == name), None)
    if chart is None:
        raise NotFound(f"No chart {name}")
    data_url = datasette.urls.query(datasette.get_database().name, chart.query, format="json") + "?_shape=array"
    return Response.json(charts.vega_lite_spec(chart, data_url))


async def map_page(datasette, request) -> Response:
    db = datasette.get_database()
    regions = await snapshot.computed(db, ("map",), mapview.map_regions)
    background = await snapshot.computed(db, ("map background",), mapview.background_points)
    return await _page(
        datasette,
        request,
        "map.html",
        {
            "regions": regions,
            "map_json": mapview.json_for_script({"regions": regions, "background": background}),
            "leaflet_js": datasette.urls.static_plugins("datasette-leaflet", "leaflet-v1.7.1.js"),
            "leaflet_css": datasette.urls.static_plugins("datasette-leaflet", "leaflet-v1.7.1.css"),
        },
    )


@hookimpl
def register_routes(datasette):
    return [
        (r"^/$", home_page),
        (r"^/-/search$", search_page),
        (r"^/official/(?P<key>[^/]+)$", official_page),
        (r"^/region/(?P<code>[^/]+)$", region_page),
        (r"^/organisation/(?P<name>[^/]+)$", organisation_page),
        (r"^/-/charts$", charts_page),
        (r"^/-/charts/(?P<name>[a-z-]+)\.vl\.json$", vega_spec),
        (r"^/-/map$", map_page),
    ]


@hookimpl
def extra_css_urls(datasette):
    return ["/extract-static/site.css"]


@hookimpl
def prepare_jinja2_environment(env, datasette):
    env.filters["path_segment"] = path_segment


# Cells of Datasette's table and query pages that name an official, a region
# or an organisation lead to its page (an article id, foreign key or not, to
# the highlighted article).
_ENTITY_COLUMNS = {
    "official_key": "/official/",
    "region_code": "/region/",
    "article_id": "/article/",
}


@hookimpl
def render_cell(value, column, table, database, datasette):
    # A foreign key cell arrives as {"value": ..., "label": ...}.
    text = value
    if isinstance(value, dict):
        value, text = value.get("value"), value.get("label") or value.get("value")
    if not isinstance(value, str) or not value:
        return None
    prefix = _ENTITY_COLUMNS.get(column)
    if prefix is None and column == "organisation" and table == "event_parties":
        prefix = "/organisation/"
    if prefix is None and table == "officials" and column == "key":
        prefix = "/official/"
    if prefix is None:
        return None
    # Region codes and article ids are digits, dots and hex: written as they are.
    segment = value if prefix in ("/region/", "/article/") else path_segment(value)
    return Markup('<a href="{}{}">{}</a>').format(prefix, segment, text)
