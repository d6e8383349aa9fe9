// Live updates of the coach dashboard: the handoff queue and a handoff's messages (polling, no inline script).
(function () {
  "use strict";
  function poll(el, render) {
    var tick = function () {
      fetch(el.dataset.src, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) {
          // Session ended (401): go to the login page instead of showing a stale list.
          if (r.status === 401) { window.location.reload(); return null; }
          return r.ok ? r.json() : null;
        })
        .then(function (data) { if (data) { render(data); } })
        .catch(function () {});
    };
    setInterval(tick, 4000);
  }
  function item(text, href) {
    var li = document.createElement("li");
    if (href) { var a = document.createElement("a"); a.href = href; a.textContent = text; li.appendChild(a); }
    else { li.textContent = text; }
    return li;
  }
  var queue = document.getElementById("queue");
  if (queue) {
    var known = null;
    poll(queue, function (data) {
      var ul = document.createElement("ul");
      ul.className = "queue";
      var ids = data.items.map(function (i) { return i.id; });
      data.items.forEach(function (i) {
        var li = item(queue.dataset.open + " #" + i.id, i.url);
        li.appendChild(document.createTextNode(" – " + (queue.dataset[i.status] || i.status) + ", " +
          i.language + ", " + i.requested_at + (i.taken_by ? ", " + i.taken_by : "")));
        ul.appendChild(li);
      });
      if (!data.items.length) { ul.appendChild(item(queue.dataset.none)); }
      queue.replaceChildren(ul);
      if (known !== null && ids.some(function (id) { return known.indexOf(id) < 0; })) {
        document.getElementById("queue-status").textContent = queue.dataset["new"];
      }
      known = ids;
    });
  }
  var messages = document.getElementById("messages");
  if (messages) {
    poll(messages, function (data) {
      var items = data.lines.map(function (l) {
        var li = document.createElement("li");
        li.className = l.who;
        var who = document.createElement("span");
        who.className = "who";
        who.textContent = (messages.dataset[l.who] || l.who) + (l.name ? " " + l.name : "") + ":";
        li.appendChild(who);
        li.appendChild(document.createTextNode(" " + l.text));
        return li;
      });
      // Replace the list when a line was added or changed (an approved summary replaces its note).
      var text = function (li) { return li.textContent; };
      if (items.map(text).join("\n") !== Array.prototype.map.call(messages.children, text).join("\n")) {
        messages.replaceChildren.apply(messages, items);
      }
      var summary = document.getElementById("handoff-summary");
      if (summary && data.summary_url && !summary.querySelector("a")) {
        var link = document.createElement("a");
        link.href = data.summary_url;
        link.textContent = summary.dataset.label || data.summary_url;
        summary.replaceChildren(link);
      }
      if (summary && !data.summary_url && data.summary_state && summary.dataset.state !== data.summary_state) {
        summary.dataset.state = data.summary_state;
        summary.textContent = summary.dataset[data.summary_state] || "";
      }
      var shared = document.getElementById("shared-summary");
      if (shared && data.summary_part && !shared.children.length && !shared.dataset.loading) {
        shared.dataset.loading = "1";
        fetch(data.summary_part, { credentials: "same-origin", headers: { Accept: "text/html" } })
          .then(function (r) { return r.ok ? r.text() : ""; })
          .then(function (html) { shared.innerHTML = html; delete shared.dataset.loading; })
          .catch(function () { delete shared.dataset.loading; });
      }
    });
  }
})();
