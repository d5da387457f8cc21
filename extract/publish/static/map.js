// The map of /-/map: regions with stories over the dots of every regency and
// city, so that the islands show without tiles. Text goes in as text, never HTML.
// Leaflet comes from datasette-leaflet, as an ES module served by this site.
var box = document.getElementById("region-map");
import(box.dataset.leaflet).then(function (L) {
  var data = JSON.parse(document.getElementById("map-data").textContent);
  var map = L.map(box).setView([-2.5, 118], 5);
  L.tileLayer("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 18,
    attribution: "&copy; OpenStreetMap contributors"
  }).addTo(map);
  data.background.forEach(function (point) {
    L.circleMarker(point, {radius: 2, stroke: false, fillColor: "#9ca3af", fillOpacity: 0.9, interactive: false}).addTo(map);
  });
  var most = Math.max.apply(null, data.regions.map(function (r) { return r.events; }).concat([1]));
  var bounds = [];
  data.regions.forEach(function (region) {
    var marker = L.circleMarker([region.latitude, region.longitude], {
      radius: 6 + 14 * Math.sqrt(region.events / most),
      color: "#991b1b", weight: 1, fillColor: "#ef4444", fillOpacity: 0.75,
      className: "region-marker region-" + region.code.replace(/[^0-9]/g, "-")
    });
    marker.bindPopup(function () { return popup(region); });
    marker.addTo(map);
    bounds.push([region.latitude, region.longitude]);
  });
  if (bounds.length) {
    map.fitBounds(bounds, {padding: [40, 40], maxZoom: 9, animate: false});
  }

  function popup(region) {
    var box = document.createElement("div");
    box.className = "region-popup";
    var link = document.createElement("a");
    link.href = region.url;
    link.textContent = region.name;
    var title = document.createElement("strong");
    title.appendChild(link);
    box.appendChild(title);
    var lines = [
      region.province || "",
      region.stories + " stories, " + region.events + " events in " + region.articles + " articles",
      region.signings + " signings, " + region.payout_events + " hand-overs",
      region.paid_text ? "handed over: " + region.paid_text : ""
    ];
    lines.forEach(function (line) {
      if (!line) return;
      var p = document.createElement("div");
      p.textContent = line;
      box.appendChild(p);
    });
    return box;
  }
});
