// Live countdowns: each <time data-countdown datetime="…Z"> is rewritten every second from the due
// instant, in the page's language (unit words and templates come from data attributes on <body>).
(function () {
  "use strict";
  var body = document.body;
  var units = (body.getAttribute("data-units") || "d,h,min,s").split(",");
  var left = body.getAttribute("data-left") || "{0} left";
  var overdue = body.getAttribute("data-overdue") || "{0} overdue";

  function span(seconds) {
    var s = Math.abs(Math.floor(seconds));
    var d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
    if (d > 0) return d + " " + units[0] + " " + h + " " + units[1];
    if (h > 0) return h + " " + units[1] + " " + m + " " + units[2];
    return m + " " + units[2] + " " + (s % 60) + " " + units[3];
  }

  // The server's clock decides what is due (tests run it on a fake clock); the browser only counts on from it.
  var serverNow = Date.parse(body.getAttribute("data-now") || "") || Date.now();
  var offset = serverNow - Date.now();

  function tick() {
    var now = Date.now() + offset;
    var nodes = document.querySelectorAll("time[data-countdown]");
    for (var i = 0; i < nodes.length; i++) {
      var due = Date.parse(nodes[i].getAttribute("datetime"));
      if (isNaN(due)) continue;
      var seconds = (due - now) / 1000;
      nodes[i].textContent = (seconds >= 0 ? left : overdue).replace("{0}", span(seconds));
    }
  }
  if (document.querySelector("time[data-countdown]")) { tick(); setInterval(tick, 1000); }
})();
